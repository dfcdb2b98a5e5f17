import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StockMovementsDocument, type StockMovementReason, type StockMovementsQuery, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { EmptyState, SearchToolbar, SelectField, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { signed } from './quantities';
import { VariantCell } from './StockSection';

type MovementRow = NonNullable<NonNullable<StockMovementsQuery['stockMovements']['edges'][number]>['node']>;

export const REASONS: StockMovementReason[] = [
  'ADJUSTMENT',
  'UPLOAD',
  'ERP_SYNC',
  'RECEIPT',
  'SUPPLY_ARRIVED',
  'SUPPLY_PLANNED',
  'ALLOCATION',
  'RELEASE',
  'PREORDER',
  'PREORDER_RELEASE',
  'SHIPMENT',
];

const column = createColumnHelper<MovementRow>();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a calendar day (the viewer's time zone) as the API's DateTime; `next`: the day after. */
export function dayStart(day: string | null, next = false): string | null {
  if (!day || !DAY.test(day)) return null;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return null;
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The warehouse's movement history: who changed what, when and why, filtered by reason and period. */
export function MovementsSection({ warehouse }: { warehouse: WarehouseRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const reasonParam = list.params.get('reason');
  const reason = REASONS.find((r) => r === reasonParam) ?? null;
  const since = list.params.get('since') ?? '';
  const until = list.params.get('until') ?? '';
  const movements = usePagedQuery(
    list,
    {
      query: StockMovementsDocument,
      variables: {
        ...list.pageArgs,
        filter: {
          warehouse: warehouse.id,
          search: list.settledSearch || null,
          reasons: reason ? [reason] : null,
          since: dayStart(since),
          until: dayStart(until, true),
        },
      },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.stockMovements,
  );

  const columns = useMemo(
    () => [
      column.accessor('createdAt', { header: t('stockAdmin.movements.columns.when'), cell: ({ getValue }) => format.dateTime(getValue()) }),
      column.display({ id: 'variant', header: t('stockAdmin.movements.columns.variant'), cell: ({ row }) => <VariantCell variant={row.original.variant} /> }),
      column.accessor('reason', { header: t('stockAdmin.movements.columns.reason'), cell: ({ getValue }) => t(`stockAdmin.reason.${getValue()}`) }),
      column.display({
        id: 'delta',
        header: t('stockAdmin.movements.columns.delta'),
        meta: { align: 'end' },
        cell: ({ row }) => <Delta value={row.original.onHandDelta} allocated={row.original.allocatedDelta} unit={row.original.variant.unit} />,
      }),
      column.accessor('onHandAfter', {
        header: t('stockAdmin.movements.columns.after'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.onHandAfter, row.original.variant.unit),
      }),
      column.accessor('userName', { header: t('stockAdmin.movements.columns.who'), cell: ({ getValue }) => getValue() || t('stockAdmin.movements.system') }),
      column.display({
        id: 'why',
        header: t('stockAdmin.movements.columns.why'),
        cell: ({ row }) => [row.original.comment, row.original.reference].filter(Boolean).join(' · ') || '—',
      }),
    ],
    [t, format],
  );
  const filtered = Boolean(list.search || reason || since || until);

  return (
    <section className="net-card" aria-labelledby="stock-movements-heading">
      <h2 id="stock-movements-heading" className="ui-visually-hidden">
        {t('stockAdmin.warehouse.tabs.movements')}
      </h2>
      <SearchToolbar label={t('stockAdmin.stock.search')} placeholder={t('stockAdmin.stock.searchPlaceholder')} value={list.search} onSearch={list.setSearch}>
        <SelectField
          label={t('stockAdmin.movements.reason')}
          value={reason ?? ''}
          onChange={(event) => list.setFilter('reason', event.target.value)}
          options={[{ value: '', label: t('stockAdmin.movements.anyReason') }, ...REASONS.map((r) => ({ value: r, label: t(`stockAdmin.reason.${r}`) }))]}
        />
        <TextField label={t('stockAdmin.movements.since')} type="date" value={since} onChange={(event) => list.setFilter('since', event.target.value)} />
        <TextField label={t('stockAdmin.movements.until')} type="date" value={until} onChange={(event) => list.setFilter('until', event.target.value)} />
      </SearchToolbar>
      <PagedList
        list={list}
        result={movements}
        caption={t('stockAdmin.movements.caption', { name: warehouse.name })}
        columns={columns}
        pagesLabel={t('stockAdmin.movements.pages')}
        empty={<EmptyState title={filtered ? t('stockAdmin.movements.emptyFiltered') : t('stockAdmin.movements.empty')} />}
      />
    </section>
  );
}

/** A change of on hand, signed and coloured; a change of the allocated part beside it. */
function Delta({ value, allocated, unit }: { value: string; allocated: string; unit: MovementRow['variant']['unit'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tone = Number(value) > 0 ? 'stock-delta--up' : Number(value) < 0 ? 'stock-delta--down' : '';
  return (
    <span className="stock-cell-stack">
      <span className={tone}>{signed(value, format.quantity(value, unit))}</span>
      {Number(allocated) !== 0 && (
        <span className="net-muted">{t('stockAdmin.movements.allocatedDelta', { delta: signed(allocated, format.quantity(allocated, unit)) })}</span>
      )}
    </span>
  );
}
