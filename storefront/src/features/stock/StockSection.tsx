import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { StockItemsDocument, StockSetDocument, type StockItemsQuery, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Button, Checkbox, Dialog, EmptyState, SearchToolbar, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';
import { answerErrors } from './answers';
import { isBigDrop, parseQuantity } from './quantities';
import type { InventoryErrorPartsFragment } from '../../gql/graphql';

type StockRow = NonNullable<NonNullable<NonNullable<StockItemsQuery['stockItems']['edges'][number]>['node']>>;

const column = createColumnHelper<StockRow>();

/** A variant's SKU and product, linked to the product page with that variant chosen. */
export function VariantCell({ variant }: { variant: StockRow['variant'] }) {
  return (
    <span className="stock-cell-stack">
      <Link to={`/product/${variant.product.slug}?variant=${encodeURIComponent(variant.sku)}`}>
        <strong>{variant.sku}</strong>
      </Link>
      <span>{variant.name && variant.name !== variant.product.name ? `${variant.product.name} · ${variant.name}` : variant.product.name}</span>
    </span>
  );
}

/** The warehouse's stock: searched by SKU or name, in stock only, paged; on hand set inline. */
export function StockSection({ warehouse, canManage }: { warehouse: WarehouseRowFragment; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const inStock = list.params.get('inStock') === '1';
  const [editing, setEditing] = useState<StockRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const stock = usePagedQuery(
    list,
    {
      query: StockItemsDocument,
      variables: { ...list.pageArgs, filter: { warehouse: warehouse.id, search: list.settledSearch || null, inStock: inStock || null } },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.stockItems,
  );

  const columns = useMemo(
    () => [
      column.display({ id: 'variant', header: t('stockAdmin.stock.columns.variant'), cell: ({ row }) => <VariantCell variant={row.original.variant} /> }),
      column.accessor('onHand', {
        header: t('stockAdmin.stock.columns.onHand'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.onHand, row.original.variant.unit),
      }),
      column.accessor('allocated', {
        header: t('stockAdmin.stock.columns.allocated'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.allocated, row.original.variant.unit),
      }),
      column.display({
        id: 'available',
        header: t('stockAdmin.stock.columns.available'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.available.exact, row.original.variant.unit),
      }),
      column.accessor('updatedAt', {
        header: t('stockAdmin.stock.columns.updatedAt'),
        meta: { className: 'ui-col-wide' },
        cell: ({ getValue }) => format.dateTime(getValue()),
      }),
      ...(canManage
        ? [
            actionsColumn<StockRow>(t('stockAdmin.stock.columns.actions'), (row) => [
              {
                label: t('stockAdmin.stock.set'),
                name: t('stockAdmin.stock.setFor', { sku: row.variant.sku }),
                onClick: () => {
                  setSaved(null);
                  setEditing(row);
                },
              },
            ]),
          ]
        : []),
    ],
    [t, format, canManage],
  );
  const filtered = Boolean(list.search || inStock);

  return (
    <section className="net-card" aria-labelledby="stock-items-heading">
      <h2 id="stock-items-heading" className="ui-visually-hidden">
        {t('stockAdmin.warehouse.tabs.stock')}
      </h2>
      {saved && <Alert tone="success">{saved}</Alert>}
      <SearchToolbar label={t('stockAdmin.stock.search')} placeholder={t('stockAdmin.stock.searchPlaceholder')} value={list.search} onSearch={list.setSearch}>
        <Checkbox label={t('stockAdmin.stock.inStockOnly')} checked={inStock} onChange={(event) => list.setFilter('inStock', event.target.checked ? '1' : '')} />
      </SearchToolbar>
      <PagedList
        list={list}
        result={stock}
        caption={t('stockAdmin.stock.caption', { name: warehouse.name })}
        columns={columns}
        pagesLabel={t('stockAdmin.stock.pages')}
        empty={
          <EmptyState title={filtered ? t('stockAdmin.stock.emptyFiltered') : t('stockAdmin.stock.empty')}>
            {!filtered && canManage && <p>{t('stockAdmin.stock.emptyHint')}</p>}
          </EmptyState>
        }
      />
      {editing && (
        <SetQuantityDialog
          warehouse={warehouse}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setSaved(text);
            stock.refresh();
          }}
        />
      )}
    </section>
  );
}

/**
 * Sets one variant's on hand with a comment (kept in the movement history); a big drop is
 * said in numbers and confirmed before it is sent.
 */
function SetQuantityDialog({
  warehouse,
  row,
  onClose,
  onSaved,
}: {
  warehouse: WarehouseRowFragment;
  row: StockRow;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [value, setValue] = useState(row.onHand ?? '');
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [refusals, setRefusals] = useState<InventoryErrorPartsFragment[]>([]);
  const [{ fetching }, setStock] = useMutation(StockSetDocument);
  const unit = row.variant.unit;
  const parsed = parseQuantity(value);

  const send = async () => {
    if (parsed === null) return;
    setRefusals([]);
    const result = await setStock(
      { input: { warehouse: warehouse.id, variant: row.variant.id, onHand: parsed, comment: comment.trim() || null } },
      { additionalTypenames: ['StockItem', 'StockMovement'] },
    );
    if (result.data?.stockSet?.stockItem) {
      onSaved(t('stockAdmin.stock.saved', { sku: row.variant.sku, quantity: format.quantity(parsed, unit) }));
      return;
    }
    setConfirming(false);
    const errors = answerErrors(result.error, result.data?.stockSet?.errors);
    const atField = errors.find((error) => error.field === 'onHand');
    setInvalid(atField ? atField.message : null);
    setRefusals(errors.filter((error) => error.field !== 'onHand'));
  };

  const submit = () => {
    setInvalid(null);
    if (parsed === null) {
      setInvalid(t('stockAdmin.stock.badQuantity'));
      return;
    }
    if (!confirming && isBigDrop(row.onHand, parsed)) {
      setConfirming(true);
      return;
    }
    void send();
  };

  return (
    <Dialog
      open
      title={t('stockAdmin.stock.setTitle', { sku: row.variant.sku })}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('stockAdmin.cancel')}
          </Button>
          <Button variant={confirming ? 'danger' : 'primary'} busy={fetching} onClick={submit}>
            {confirming ? t('stockAdmin.stock.confirmDrop') : t('stockAdmin.save')}
          </Button>
        </>
      }
    >
      <form
        className="stock-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>{row.variant.product.name}</p>
        <TextField
          label={t('stockAdmin.stock.onHandLabel')}
          inputMode="decimal"
          hint={t('stockAdmin.stock.onHandHint', { allocated: format.quantity(row.allocated ?? '0', unit) })}
          value={value}
          error={invalid ?? undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setConfirming(false);
          }}
        />
        <TextField label={t('stockAdmin.stock.comment')} hint={t('stockAdmin.stock.commentHint')} value={comment} onChange={(event) => setComment(event.target.value)} />
        {confirming && parsed !== null && (
          <Alert tone="warning" title={t('stockAdmin.stock.dropTitle')}>
            {t('stockAdmin.stock.dropText', { before: format.quantity(row.onHand, unit), after: format.quantity(parsed, unit) })}
          </Alert>
        )}
        <PriceRulesErrors errors={refusals} />
      </form>
    </Dialog>
  );
}
