import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ManageReceivablesDocument, type ReceivableRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Button, Checkbox, EmptyState, SearchToolbar, SelectField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ManageFrame } from './ManageFrame';
import { MoneyText } from './MoneyText';
import { ReceivablesExportButton } from './ReceivablesExportButton';
import {
  isReceivablesFiltered,
  RECEIVABLES_SORT_KEYS,
  receivablesFilter,
  receivablesSort,
  receivablesSortOf,
  receivablesSortParam,
  type ReceivablesSortKey,
} from './receivablesParams';

type Row = ReceivableRowFragment & { id: string };
const column = createColumnHelper<Row>();

/** `/finance/receivables`: what each client owes the viewer's side, overdue first. */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  return (
    <ManageFrame title={t('creditManage.receivables.title')}>
      <Receivables />
    </ManageFrame>
  );
}

function Receivables() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const [, setParams] = useSearchParams();
  const paramsText = list.params.toString();
  const filter = useMemo(() => receivablesFilter(new URLSearchParams(paramsText), list.settledSearch), [paramsText, list.settledSearch]);
  const choice = receivablesSortOf(list.params);
  const sort = receivablesSort(choice);
  const result = usePagedQuery(
    list,
    { query: ManageReceivablesDocument, variables: { ...list.pageArgs, filter, sort }, requestPolicy: 'cache-and-network' },
    // A receivable is one per account: the account's id names the row.
    (data) => ({
      totalCount: data.receivables.totalCount,
      edges: data.receivables.edges.map((edge) => ({ node: edge?.node ? { ...edge.node, id: edge.node.account.id } : null })),
    }),
  );
  const clear = useCallback(
    () =>
      setParams((current) => {
        const next = new URLSearchParams();
        const kept = current.get('sort');
        if (kept) next.set('sort', kept);
        return next;
      }, { replace: true }),
    [setParams],
  );
  const sorting: SortingState = [{ id: choice.key, desc: choice.descending }];
  const onSortingChange = (updater: SortingState | ((old: SortingState) => SortingState)) => {
    const [first] = typeof updater === 'function' ? updater(sorting) : updater;
    if (first && (RECEIVABLES_SORT_KEYS as readonly string[]).includes(first.id)) {
      list.setFilter('sort', receivablesSortParam({ key: first.id as ReceivablesSortKey, descending: first.desc }));
    }
  };

  const columns = useMemo(
    () => [
      column.accessor((row) => row.client.name, {
        id: 'client',
        sortDescFirst: false,
        header: t('creditManage.receivables.columns.client'),
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <Link to={`/finance/accounts/${row.original.account.id}`}>
              <strong>{row.original.client.name}</strong>
            </Link>
            {row.original.client.inn && <span className="net-muted">{t('creditManage.inn', { inn: row.original.client.inn })}</span>}
          </span>
        ),
      }),
      column.accessor((row) => row.creditLimit.amount, {
        id: 'limit',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.limit'),
        meta: { align: 'end' },
        cell: ({ row }) => <MoneyText money={row.original.creditLimit} />,
      }),
      column.accessor((row) => row.balance.amount, {
        id: 'balance',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.balance'),
        meta: { align: 'end' },
        cell: ({ row }) => (
          <span className="orders-cell-stack orders-cell-stack--end">
            <MoneyText money={row.original.balance} />
            <span className="net-muted net-nowrap">
              {t('creditManage.availableShort', { amount: format.money(row.original.available.amount, row.original.available.currency) })}
            </span>
          </span>
        ),
      }),
      column.accessor((row) => row.dueThisWeek.amount, {
        id: 'dueWeek',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.dueWeek'),
        meta: { align: 'end' },
        cell: ({ row }) => <MoneyText money={row.original.dueThisWeek} />,
      }),
      column.accessor((row) => row.overdue.amount, {
        id: 'overdue',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.overdue'),
        meta: { align: 'end' },
        cell: ({ row }) => <MoneyText money={row.original.overdue} strong={Number(row.original.overdue.amount) > 0} />,
      }),
      column.accessor('overdueDays', {
        id: 'overdueDays',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.overdueDays'),
        meta: { align: 'end' },
        cell: ({ getValue }) => {
          const days = getValue();
          return days ? <span className="finance-overdue net-nowrap">{t('creditManage.days', { count: days, formatted: format.number(days) })}</span> : '—';
        },
      }),
      column.accessor('lastPaymentOn', {
        id: 'lastPayment',
        sortDescFirst: true,
        header: t('creditManage.receivables.columns.lastPayment'),
        meta: { align: 'end' },
        cell: ({ row }) =>
          row.original.lastPaymentOn ? (
            <span className="orders-cell-stack orders-cell-stack--end">
              <span className="net-nowrap">{format.date(row.original.lastPaymentOn)}</span>
              {row.original.lastPaymentAmount && <MoneyText money={row.original.lastPaymentAmount} muted />}
            </span>
          ) : (
            <span className="net-muted">{t('creditManage.receivables.noPayments')}</span>
          ),
      }),
    ],
    [t, format],
  );

  const total = result.page?.total;
  const filtered = isReceivablesFiltered(list.params);
  return (
    <section className="net-card orders-list" aria-labelledby="receivables-heading">
      <div className="orders-list__head">
        <h2 id="receivables-heading">
          {total === undefined ? t('creditManage.receivables.title') : t('creditManage.receivables.count', { count: total, formatted: format.number(total) })}
        </h2>
        {total !== undefined && total > 0 && <ReceivablesExportButton filter={filter} sort={sort} />}
      </div>
      <SearchToolbar label={t('creditManage.receivables.search')} value={list.search} onSearch={list.setSearch}>
        <Checkbox
          label={t('creditManage.receivables.overdueOnly')}
          checked={list.params.get('overdue') === '1'}
          onChange={(event) => list.setFilter('overdue', event.target.checked ? '1' : '')}
        />
      </SearchToolbar>
      {/* The table's headers sort on a desktop; a phone's cards have none, so the choice is here. */}
      <SelectField
        className="finance-sort"
        label={t('creditManage.receivables.sort')}
        value={`${choice.descending ? '-' : ''}${choice.key}`}
        onChange={(event) => {
          const value = event.target.value;
          list.setFilter('sort', receivablesSortParam({ key: value.replace(/^-/, '') as ReceivablesSortKey, descending: value.startsWith('-') }));
        }}
        options={RECEIVABLES_SORT_KEYS.flatMap((key) => {
          const name = t(`creditManage.receivables.columns.${key}`);
          return [
            { value: `-${key}`, label: t('creditManage.receivables.sortDesc', { column: name }) },
            { value: key, label: t('creditManage.receivables.sortAsc', { column: name }) },
          ];
        })}
      />
      <PagedList
        list={list}
        result={result}
        caption={t('creditManage.receivables.caption')}
        columns={columns}
        pagesLabel={t('creditManage.receivables.pages')}
        sorting={{ state: sorting, onChange: onSortingChange }}
        empty={
          filtered ? (
            <EmptyState title={t('orders.empty.filtered')} action={<Button onClick={clear}>{t('orders.filters.clear')}</Button>}>
              <p>{t('creditManage.receivables.emptyFiltered')}</p>
            </EmptyState>
          ) : (
            <EmptyState title={t('creditManage.receivables.emptyTitle')}>
              <p>{t('creditManage.receivables.emptyText')}</p>
            </EmptyState>
          )
        }
      />
    </section>
  );
}
