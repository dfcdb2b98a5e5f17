import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { StockWarehouseCreateDocument, StockWarehousesDocument, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Badge, Button, Checkbox, Dialog, EmptyState, SearchToolbar } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { useViewer } from '../auth/ViewerProvider';
import { SellerStrategy } from './SellerStrategy';
import { StockFrame } from './StockFrame';
import { warehouseValues, WarehouseForm } from './WarehouseForm';
import { answerErrors } from './answers';

const column = createColumnHelper<WarehouseRowFragment>();

/** `/stock`: the warehouses the viewer manages (staff: every warehouse), and a new one. */
export default function WarehousesPage() {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const [creating, setCreating] = useState(false);
  return (
    <StockFrame
      title={t('stockAdmin.warehouses.title')}
      lead={organization?.name}
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('stockAdmin.warehouses.create')}
        </Button>
      }
    >
      {(management) =>
        management && (
          <>
            <WarehousesIndex staff={management.scope === 'staff'} />
            {management.canEdit && <SellerStrategy />}
            {management.canEdit && <CreateDialog open={creating} staff={management.scope === 'staff'} onClose={() => setCreating(false)} />}
          </>
        )
      }
    </StockFrame>
  );
}

function WarehousesIndex({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const inactive = list.params.get('inactive') === '1';
  const warehouses = usePagedQuery(
    list,
    {
      query: StockWarehousesDocument,
      variables: {
        ...list.pageArgs,
        // Staff see every warehouse (VIEW_ALL reads them); a partner its own stock centers.
        filter: { manageable: staff ? null : true, search: list.settledSearch || null, includeInactive: inactive || null },
      },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.warehouses,
  );

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('stockAdmin.warehouses.columns.name'),
        cell: ({ row }) => (
          <span className="stock-cell-stack">
            <Link to={`/stock/warehouses/${row.original.id}`}>
              <strong>{row.original.name}</strong>
            </Link>
            <span className="net-muted">{row.original.code}</span>
            {!row.original.isActive && <Badge tone="neutral">{t('stockAdmin.warehouses.inactive')}</Badge>}
          </span>
        ),
      }),
      column.accessor('kind', { header: t('stockAdmin.warehouses.columns.kind'), cell: ({ getValue }) => t(`stockAdmin.kind.${getValue()}`) }),
      ...(staff ? [column.accessor('ownerName', { header: t('stockAdmin.warehouses.columns.owner') })] : []),
      column.display({
        id: 'place',
        header: t('stockAdmin.warehouses.columns.place'),
        cell: ({ row }) => [row.original.city, row.original.region].filter(Boolean).join(', ') || '—',
      }),
      column.accessor('pickupAllowed', {
        header: t('stockAdmin.warehouses.columns.pickup'),
        cell: ({ getValue }) => (getValue() ? t('stockAdmin.yes') : t('stockAdmin.no')),
      }),
      column.accessor('priority', { header: t('stockAdmin.warehouses.columns.priority'), meta: { align: 'end' }, cell: ({ getValue }) => format.number(getValue()) }),
      column.accessor('sharedWithNetwork', {
        header: t('stockAdmin.warehouses.columns.shared'),
        meta: { className: 'ui-col-wide' },
        cell: ({ getValue }) => (getValue() ? t('stockAdmin.yes') : t('stockAdmin.no')),
      }),
    ],
    [t, format, staff],
  );
  const filtered = Boolean(list.search || inactive);

  return (
    <section className="net-card" aria-labelledby="stock-warehouses-heading">
      <h2 id="stock-warehouses-heading" className="ui-visually-hidden">
        {t('stockAdmin.warehouses.title')}
      </h2>
      <SearchToolbar label={t('stockAdmin.warehouses.search')} placeholder={t('stockAdmin.warehouses.searchPlaceholder')} value={list.search} onSearch={list.setSearch}>
        <Checkbox label={t('stockAdmin.warehouses.showInactive')} checked={inactive} onChange={(event) => list.setFilter('inactive', event.target.checked ? '1' : '')} />
      </SearchToolbar>
      <PagedList
        list={list}
        result={warehouses}
        caption={t('stockAdmin.warehouses.title')}
        columns={columns}
        pagesLabel={t('stockAdmin.warehouses.pages')}
        empty={
          <EmptyState title={filtered ? t('stockAdmin.warehouses.emptyFiltered') : t('stockAdmin.warehouses.empty')}>
            {!filtered && !staff && <p>{t('stockAdmin.warehouses.emptyHint')}</p>}
          </EmptyState>
        }
      />
    </section>
  );
}

function CreateDialog({ open, staff, onClose }: { open: boolean; staff: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [, create] = useMutation(StockWarehouseCreateDocument);
  return (
    <Dialog open={open} title={t('stockAdmin.warehouses.createTitle')} onClose={onClose}>
      <WarehouseForm
        initial={warehouseValues()}
        staff={staff}
        editing={false}
        submitLabel={t('stockAdmin.warehouses.createSubmit')}
        onCancel={onClose}
        save={async (input) => {
          const result = await create({ input }, { additionalTypenames: ['Warehouse'] });
          const warehouse = result.data?.warehouseCreate?.warehouse;
          if (warehouse) {
            onClose();
            void navigate(`/stock/warehouses/${warehouse.id}`);
            return null;
          }
          return answerErrors(result.error, result.data?.warehouseCreate?.errors);
        }}
      />
    </Dialog>
  );
}
