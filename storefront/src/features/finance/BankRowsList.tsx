import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BankRowsListDocument, type BankRowPartsFragment, type BankRowState } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, EmptyState, SelectField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { BankRowIgnoreDialog } from './BankRowIgnoreDialog';
import { BankRowMatchDialog } from './BankRowMatchDialog';
import { MoneyText } from './MoneyText';

export const BANK_ROW_STATES: BankRowState[] = ['UNMATCHED', 'MATCHED', 'DUPLICATE', 'IGNORED'];
const column = createColumnHelper<BankRowPartsFragment>();

/** `?state=` of the URL (default UNMATCHED: the rows that wait for a person). */
export function bankRowStateOf(params: URLSearchParams): BankRowState {
  const value = params.get('state');
  return (BANK_ROW_STATES as string[]).includes(value ?? '') ? (value as BankRowState) : 'UNMATCHED';
}

/** The statements' rows in one state; an unmatched one is matched by hand or set aside. */
export function BankRowsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const state = bankRowStateOf(list.params);
  const result = usePagedQuery(
    list,
    { query: BankRowsListDocument, variables: { ...list.pageArgs, state }, requestPolicy: 'cache-and-network' },
    (data) => data.bankStatementRows,
  );
  const [matching, setMatching] = useState<BankRowPartsFragment | null>(null);
  const [ignoring, setIgnoring] = useState<BankRowPartsFragment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setMatching(null);
    setIgnoring(null);
    setDone(message);
    result.refresh();
  };

  const columns = useMemo(
    () => [
      column.accessor('docNumber', {
        header: t('creditManage.bank.rows.document'),
        enableSorting: false,
        cell: ({ row }) => <span className="net-nowrap">{t('creditManage.bank.rows.documentText', { number: row.original.docNumber, date: format.date(row.original.docDate) })}</span>,
      }),
      column.accessor('payerName', {
        header: t('creditManage.bank.rows.payer'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <span>{row.original.payerName || '—'}</span>
            {row.original.payerInn && <span className="net-muted">{t('creditManage.inn', { inn: row.original.payerInn })}</span>}
          </span>
        ),
      }),
      column.accessor((row) => row.amount.amount, {
        id: 'amount',
        header: t('creditManage.bank.rows.amount'),
        enableSorting: false,
        meta: { align: 'end' },
        cell: ({ row }) => <MoneyText money={row.original.amount} strong />,
      }),
      column.accessor('purpose', {
        header: t('creditManage.bank.rows.purpose'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <span className="finance-purpose">{row.original.purpose}</span>
            {row.original.state !== 'UNMATCHED' && (
              <span>
                <Badge tone={row.original.state === 'MATCHED' ? 'success' : 'neutral'}>{t(`creditManage.bank.rows.stateOption.${row.original.state}`)}</Badge>
              </span>
            )}
          </span>
        ),
      }),
      actionsColumn<BankRowPartsFragment>(t('creditManage.bank.rows.match'), (row) =>
        row.state === 'UNMATCHED'
          ? [
              { label: t('creditManage.bank.rows.match'), name: `${t('creditManage.bank.rows.match')}: ${row.docNumber}`, variant: 'primary', onClick: () => setMatching(row) },
              { label: t('creditManage.bank.rows.ignore'), name: `${t('creditManage.bank.rows.ignore')}: ${row.docNumber}`, onClick: () => setIgnoring(row) },
            ]
          : [],
      ),
    ],
    [t, format],
  );

  return (
    <section className="net-card orders-list finance-card" aria-labelledby="bank-rows">
      <div className="orders-list__head">
        <h2 id="bank-rows">{t('creditManage.bank.rows.title')}</h2>
        <SelectField
          inline
          label={t('creditManage.bank.rows.state')}
          value={state}
          onChange={(event) => list.setFilter('state', event.target.value === 'UNMATCHED' ? '' : event.target.value)}
          options={BANK_ROW_STATES.map((value) => ({ value, label: t(`creditManage.bank.rows.stateOption.${value}`) }))}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      <PagedList
        list={list}
        result={result}
        caption={t('creditManage.bank.rows.caption')}
        columns={columns}
        pagesLabel={t('creditManage.bank.rows.pages')}
        empty={
          <EmptyState title={t('creditManage.bank.rows.empty')}>
            <p />
          </EmptyState>
        }
      />
      {matching && <BankRowMatchDialog row={matching} onClose={() => setMatching(null)} onDone={finish} />}
      {ignoring && <BankRowIgnoreDialog row={ignoring} onClose={() => setIgnoring(null)} onDone={finish} />}
    </section>
  );
}
