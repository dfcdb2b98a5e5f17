import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StockLeftoverDeleteDocument, StockLeftoversDocument, type LeftoverRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, Button, EmptyState, SearchToolbar } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { useViewer } from '../auth/ViewerProvider';
import { buysFromSeller } from './access';
import { answerErrors } from './answers';
import { ConfirmRemoval } from './ConfirmRemoval';
import { LeftoverDialog } from './LeftoverDialog';
import { StockFrame } from './StockFrame';
import { StockQuantityText } from './StockQuantityText';
import { VariantCell } from './StockSection';

const column = createColumnHelper<LeftoverRowFragment>();

/**
 * `/stock/leftovers`: a dealer puts items of its stock centers on sale to its sub-dealers
 * (quantity limit, discount, note, published or not); a buyer sees its seller's published
 * leftovers with what is available and the discount.
 */
export default function LeftoversPage() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const buyer = buysFromSeller(me, organization?.id);
  return (
    <StockFrame title={t('stockAdmin.leftovers.title')} lead={organization?.name} allowBuyers>
      {(management) => (
        <div className="stock-screen">
          {management?.canEdit && <MyLeftovers />}
          {buyer && <SellerLeftovers />}
        </div>
      )}
    </StockFrame>
  );
}

/** The seller's published leftovers, for a buyer. */
function SellerLeftovers() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ page: 'salePage', search: 'q' });
  const leftovers = usePagedQuery(
    list,
    { query: StockLeftoversDocument, variables: { ...list.pageArgs, filter: { mine: false, search: list.settledSearch || null } }, requestPolicy: 'cache-and-network' },
    (data) => data.leftovers,
  );
  const columns = useMemo(
    () => [
      column.display({ id: 'variant', header: t('stockAdmin.stock.columns.variant'), cell: ({ row }) => <VariantCell variant={row.original.variant} /> }),
      column.display({
        id: 'warehouse',
        header: t('stockAdmin.leftovers.columns.warehouse'),
        cell: ({ row }) => [row.original.warehouse.name, row.original.warehouse.city].filter(Boolean).join(', '),
      }),
      column.display({
        id: 'available',
        header: t('stockAdmin.stock.columns.available'),
        meta: { align: 'end' },
        cell: ({ row }) => <StockQuantityText quantity={row.original.available} unit={row.original.variant.unit} />,
      }),
      column.accessor('discountPercent', {
        header: t('stockAdmin.leftovers.columns.discount'),
        meta: { align: 'end' },
        cell: ({ getValue }) => {
          const value = getValue();
          return value && Number(value) > 0 ? t('stockAdmin.leftovers.discountValue', { percent: format.number(value, 2) }) : '—';
        },
      }),
      column.accessor('note', { header: t('stockAdmin.leftovers.columns.note'), cell: ({ getValue }) => getValue() || '—' }),
    ],
    [t, format],
  );
  return (
    <section className="net-card" aria-labelledby="stock-sale-heading">
      <h2 id="stock-sale-heading">{t('stockAdmin.leftovers.sellerTitle')}</h2>
      <p>{t('stockAdmin.leftovers.sellerIntro')}</p>
      <SearchToolbar label={t('stockAdmin.stock.search')} placeholder={t('stockAdmin.stock.searchPlaceholder')} value={list.search} onSearch={list.setSearch} />
      <PagedList
        list={list}
        result={leftovers}
        caption={t('stockAdmin.leftovers.sellerTitle')}
        columns={columns}
        pagesLabel={t('stockAdmin.leftovers.pages')}
        empty={<EmptyState title={list.search ? t('stockAdmin.leftovers.emptyFiltered') : t('stockAdmin.leftovers.sellerEmpty')} />}
      />
    </section>
  );
}

/** The leftovers the viewer's organization puts on sale, to add, change and withdraw. */
function MyLeftovers() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ page: 'minePage' });
  const [editing, setEditing] = useState<LeftoverRowFragment | 'new' | null>(null);
  const [removing, setRemoving] = useState<LeftoverRowFragment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const leftovers = usePagedQuery(
    list,
    { query: StockLeftoversDocument, variables: { ...list.pageArgs, filter: { mine: true } }, requestPolicy: 'cache-and-network' },
    (data) => data.leftovers,
  );
  const columns = useMemo(
    () => [
      column.display({
        id: 'variant',
        header: t('stockAdmin.stock.columns.variant'),
        cell: ({ row }) => (
          <span className="stock-cell-stack">
            <VariantCell variant={row.original.variant} />
            <Badge tone={row.original.isPublished ? 'success' : 'neutral'}>
              {row.original.isPublished ? t('stockAdmin.leftovers.published') : t('stockAdmin.leftovers.draft')}
            </Badge>
          </span>
        ),
      }),
      column.display({ id: 'warehouse', header: t('stockAdmin.leftovers.columns.warehouse'), cell: ({ row }) => row.original.warehouse.name }),
      column.accessor('quantity', {
        header: t('stockAdmin.leftovers.columns.limit'),
        meta: { align: 'end' },
        cell: ({ row }) => (row.original.quantity ? format.quantity(row.original.quantity, row.original.variant.unit) : t('stockAdmin.leftovers.noLimit')),
      }),
      column.display({
        id: 'available',
        header: t('stockAdmin.stock.columns.available'),
        meta: { align: 'end' },
        cell: ({ row }) => <StockQuantityText quantity={row.original.available} unit={row.original.variant.unit} />,
      }),
      column.accessor('discountPercent', {
        header: t('stockAdmin.leftovers.columns.discount'),
        meta: { align: 'end' },
        cell: ({ getValue }) => {
          const value = getValue();
          return value && Number(value) > 0 ? t('stockAdmin.leftovers.discountValue', { percent: format.number(value, 2) }) : '—';
        },
      }),
      actionsColumn<LeftoverRowFragment>(t('stockAdmin.stock.columns.actions'), (row) => [
        { label: t('stockAdmin.leftovers.edit'), name: t('stockAdmin.leftovers.editFor', { sku: row.variant.sku }), onClick: () => setEditing(row) },
        { label: t('stockAdmin.leftovers.remove'), name: t('stockAdmin.leftovers.removeFor', { sku: row.variant.sku }), variant: 'ghost', onClick: () => setRemoving(row) },
      ]),
    ],
    [t, format],
  );
  const finish = (text: string) => {
    setEditing(null);
    setRemoving(null);
    setDone(text);
    leftovers.refresh();
  };
  return (
    <section className="net-card" aria-labelledby="stock-mine-heading">
      <h2 id="stock-mine-heading">{t('stockAdmin.leftovers.mineTitle')}</h2>
      <p>{t('stockAdmin.leftovers.mineIntro')}</p>
      {done && <Alert tone="success">{done}</Alert>}
      <p>
        <Button
          variant="primary"
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          {t('stockAdmin.leftovers.add')}
        </Button>
      </p>
      <PagedList
        list={list}
        result={leftovers}
        caption={t('stockAdmin.leftovers.mineTitle')}
        columns={columns}
        pagesLabel={t('stockAdmin.leftovers.minePages')}
        empty={<EmptyState title={t('stockAdmin.leftovers.mineEmpty')} />}
      />
      {editing && <LeftoverDialog row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => finish(t('stockAdmin.leftovers.saved'))} />}
      {removing && <RemoveDialog row={removing} onClose={() => setRemoving(null)} onRemoved={() => finish(t('stockAdmin.leftovers.removed'))} />}
    </section>
  );
}

function RemoveDialog({ row, onClose, onRemoved }: { row: LeftoverRowFragment; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, remove] = useMutation(StockLeftoverDeleteDocument);
  const run = async () => {
    const result = await remove({ id: row.id }, { additionalTypenames: ['Leftover'] });
    return answerErrors(result.error, result.data?.leftoverDelete?.errors);
  };
  return (
    <ConfirmRemoval
      title={t('stockAdmin.leftovers.removeTitle', { sku: row.variant.sku })}
      action={t('stockAdmin.leftovers.remove')}
      busy={fetching}
      onClose={onClose}
      run={run}
      onDone={onRemoved}
    >
      <p>{t('stockAdmin.leftovers.removeText')}</p>
    </ConfirmRemoval>
  );
}
