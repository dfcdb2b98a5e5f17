import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ModerationQueueDocument, type QueueRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Button, EmptyState, SelectField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { waitedFor } from './age';
import { ModerationBadge, OverCreditBadge } from './ModerationBadges';
import { ModerationFrame } from './ModerationFrame';
import { isQueueFiltered, QUEUE_SORT_KEYS, queueFilter, queueSort, queueSortOf, queueSortParam, type QueueSortKey } from './queueParams';
import { QueueFilters } from './QueueFilters';

const column = createColumnHelper<QueueRowFragment>();

/** `/moderation`: the orders waiting for the viewer's side as seller, oldest first. */
export default function ModerationQueuePage() {
  const { t } = useTranslation();
  return <ModerationFrame title={t('moderation.title')}>{() => <Queue />}</ModerationFrame>;
}

function Queue() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const [, setParams] = useSearchParams();
  const paramsText = list.params.toString();
  const filter = useMemo(() => queueFilter(new URLSearchParams(paramsText), list.settledSearch), [paramsText, list.settledSearch]);
  const choice = queueSortOf(list.params);
  const sort = queueSort(choice);
  const result = usePagedQuery(
    list,
    { query: ModerationQueueDocument, variables: { ...list.pageArgs, filter, sort }, requestPolicy: 'cache-and-network' },
    (data) => data.moderationQueue,
  );
  const filtered = isQueueFiltered(list.params);
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

  const columns = useMemo(
    () => [
      column.accessor('number', {
        enableSorting: false,
        header: t('moderation.columns.number'),
        cell: ({ row }) => (
          <Link to={`/moderation/${row.original.id}`}>
            <strong>{row.original.number}</strong>
          </Link>
        ),
      }),
      column.accessor((row) => row.moderation?.submittedAt ?? row.placedAt, {
        id: 'age',
        enableSorting: false,
        header: t('moderation.columns.age'),
        cell: ({ getValue }) => {
          const waited = waitedFor(getValue());
          return (
            <span className="orders-cell-stack">
              <span className="net-nowrap">{waited.count === 0 && waited.unit === 'hours' ? t('moderation.age.underAnHour') : t(`moderation.age.${waited.unit}`, { count: waited.count, formatted: format.number(waited.count) })}</span>
              <span className="net-muted net-nowrap">{format.dateTime(getValue())}</span>
            </span>
          );
        },
      }),
      column.accessor((row) => row.buyer.name, { id: 'buyer', enableSorting: false, header: t('moderation.columns.buyer') }),
      column.accessor((row) => row.moderation?.state, {
        id: 'state',
        enableSorting: false,
        header: t('moderation.columns.state'),
        cell: ({ row }) => {
          const moderation = row.original.moderation;
          if (!moderation) return '—';
          return (
            <span className="orders-cell-stack">
              <ModerationBadge state={moderation.state} />
              {moderation.overCredit && <OverCreditBadge />}
              {moderation.moderator?.fullName && <span className="net-muted">{moderation.moderator.fullName}</span>}
            </span>
          );
        },
      }),
      column.accessor('grandTotalGross', {
        id: 'total',
        enableSorting: false,
        header: t('moderation.columns.total'),
        meta: { align: 'end' },
        cell: ({ row }) => (
          <span className="orders-cell-stack orders-cell-stack--end">
            <strong className="net-nowrap">{format.money(row.original.grandTotalGross, row.original.currency)}</strong>
            <span className="net-muted">{t('orders.lineCount', { count: row.original.lineCount, formatted: format.number(row.original.lineCount) })}</span>
          </span>
        ),
      }),
    ],
    [t, format],
  );

  const total = result.page?.total;
  return (
    <section className="net-card orders-list" aria-labelledby="moderation-heading">
      <div className="orders-list__head">
        <h2 id="moderation-heading">
          {total === undefined ? t('moderation.title') : t('moderation.count', { count: total, formatted: format.number(total) })}
        </h2>
      </div>
      <QueueFilters list={list} onClear={clear} />
      <SelectField
        className="orders-sort moderation-sort"
        label={t('orders.sort.label')}
        value={`${choice.descending ? '-' : ''}${choice.key}`}
        onChange={(event) => {
          const value = event.target.value;
          list.setFilter('sort', queueSortParam({ key: value.replace(/^-/, '') as QueueSortKey, descending: value.startsWith('-') }));
        }}
        options={QUEUE_SORT_KEYS.flatMap((key) => [
          { value: key, label: t(`moderation.sort.${key}Asc`) },
          { value: `-${key}`, label: t(`moderation.sort.${key}Desc`) },
        ])}
      />
      <PagedList
        list={list}
        result={result}
        caption={t('moderation.title')}
        columns={columns}
        pagesLabel={t('moderation.pages')}
        empty={
          filtered ? (
            <EmptyState title={t('orders.empty.filtered')} action={<Button onClick={clear}>{t('orders.filters.clear')}</Button>}>
              <p>{t('moderation.empty.filteredText')}</p>
            </EmptyState>
          ) : (
            <EmptyState title={t('moderation.empty.none')}>
              <p>{t('moderation.empty.noneText')}</p>
            </EmptyState>
          )
        }
      />
    </section>
  );
}
