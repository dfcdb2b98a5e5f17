import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockIncomingDocument, type StockIncomingQuery, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Button, EmptyState } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { DeleteIncomingDialog, IncomingDialog, ReceiveDialog } from './IncomingDialogs';
import { VariantCell } from './StockSection';

export type IncomingRow = NonNullable<NonNullable<StockIncomingQuery['incomingSupply']['edges'][number]>['node']>;

const column = createColumnHelper<IncomingRow>();

/** Supply on its way to the warehouse: what, how much, when; managers add, change and receive it. */
export function IncomingSection({ warehouse, canManage }: { warehouse: WarehouseRowFragment; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const [editing, setEditing] = useState<IncomingRow | 'new' | null>(null);
  const [receiving, setReceiving] = useState<IncomingRow | null>(null);
  const [deleting, setDeleting] = useState<IncomingRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const incoming = usePagedQuery(
    list,
    { query: StockIncomingDocument, variables: { ...list.pageArgs, filter: { warehouse: warehouse.id } }, requestPolicy: 'cache-and-network' },
    (data) => data.incomingSupply,
  );

  const columns = useMemo(
    () => [
      column.display({ id: 'variant', header: t('stockAdmin.stock.columns.variant'), cell: ({ row }) => <VariantCell variant={row.original.variant} /> }),
      column.display({
        id: 'quantity',
        header: t('stockAdmin.incoming.columns.quantity'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.quantity.exact, row.original.variant.unit),
      }),
      column.accessor('reserved', {
        header: t('stockAdmin.incoming.columns.reserved'),
        meta: { align: 'end' },
        cell: ({ row }) => format.quantity(row.original.reserved, row.original.variant.unit),
      }),
      column.accessor('expectedDate', { header: t('stockAdmin.incoming.columns.expected'), cell: ({ getValue }) => format.date(getValue()) }),
      column.accessor('reference', { header: t('stockAdmin.incoming.columns.reference'), cell: ({ getValue }) => getValue() || '—' }),
      ...(canManage
        ? [
            actionsColumn<IncomingRow>(t('stockAdmin.stock.columns.actions'), (row) => [
              { label: t('stockAdmin.incoming.edit'), name: t('stockAdmin.incoming.editFor', { sku: row.variant.sku }), onClick: () => setEditing(row) },
              { label: t('stockAdmin.incoming.receive'), name: t('stockAdmin.incoming.receiveFor', { sku: row.variant.sku }), onClick: () => setReceiving(row) },
              { label: t('stockAdmin.incoming.delete'), name: t('stockAdmin.incoming.deleteFor', { sku: row.variant.sku }), onClick: () => setDeleting(row) },
            ]),
          ]
        : []),
    ],
    [t, format, canManage],
  );
  const finish = (text: string) => {
    setEditing(null);
    setReceiving(null);
    setDeleting(null);
    setDone(text);
    incoming.refresh();
  };

  return (
    <section className="net-card" aria-labelledby="stock-incoming-heading">
      <h2 id="stock-incoming-heading" className="ui-visually-hidden">
        {t('stockAdmin.warehouse.tabs.incoming')}
      </h2>
      {done && <Alert tone="success">{done}</Alert>}
      {canManage && (
        <p>
          <Button
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('stockAdmin.incoming.add')}
          </Button>
        </p>
      )}
      <PagedList
        list={list}
        result={incoming}
        caption={t('stockAdmin.incoming.caption', { name: warehouse.name })}
        columns={columns}
        pagesLabel={t('stockAdmin.incoming.pages')}
        empty={<EmptyState title={t('stockAdmin.incoming.empty')} />}
      />
      {editing && (
        <IncomingDialog warehouse={warehouse} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => finish(t('stockAdmin.incoming.saved'))} />
      )}
      {deleting && <DeleteIncomingDialog row={deleting} onClose={() => setDeleting(null)} onDeleted={() => finish(t('stockAdmin.incoming.deleted'))} />}
      {receiving && <ReceiveDialog row={receiving} onClose={() => setReceiving(null)} onSaved={() => finish(t('stockAdmin.incoming.received'))} />}
    </section>
  );
}
