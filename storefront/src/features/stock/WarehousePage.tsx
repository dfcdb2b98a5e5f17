import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { StockWarehouseDocument, StockWarehouseUpdateDocument, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog, EmptyState, ErrorState, Skeleton } from '../../ui';
import { answerErrors } from './answers';
import { IncomingSection } from './IncomingSection';
import { MovementsSection } from './MovementsSection';
import { StockFrame } from './StockFrame';
import { StockSection } from './StockSection';
import { UploadSection } from './UploadSection';
import { warehouseValues, WarehouseForm } from './WarehouseForm';

export const WAREHOUSE_TABS = ['stock', 'upload', 'movements', 'incoming'] as const;
export type WarehouseTab = (typeof WAREHOUSE_TABS)[number];

/** `/stock/warehouses/:id`: one warehouse's stock, upload, movement history and incoming supply. */
export default function WarehousePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: StockWarehouseDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const warehouse = data?.node?.__typename === 'Warehouse' ? data.node : null;
  return (
    <StockFrame title={warehouse?.name ?? t('stockAdmin.warehouse.title')} lead={warehouse ? warehouse.ownerName : undefined}>
      {(management) => {
        if (!data) return error ? <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton height="160px" />;
        if (!warehouse) {
          return (
            <EmptyState title={t('stockAdmin.warehouse.notFound')} action={<Link to="/stock">{t('stockAdmin.warehouse.back')}</Link>}>
              <p>{t('stockAdmin.warehouse.notFoundText')}</p>
            </EmptyState>
          );
        }
        // The API decides per warehouse; VIEW_ALL staff read without changing.
        const canManage = warehouse.canManage && (management?.canEdit ?? false);
        return <WarehouseScreen warehouse={warehouse} canManage={canManage} staff={management?.scope === 'staff'} busy={fetching} />;
      }}
    </StockFrame>
  );
}

function WarehouseScreen({ warehouse, canManage, staff, busy }: { warehouse: WarehouseRowFragment; canManage: boolean; staff: boolean; busy: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('tab');
  const tabs = WAREHOUSE_TABS.filter((tab) => tab !== 'upload' || canManage);
  const tab: WarehouseTab = tabs.find((name) => name === asked) ?? 'stock';
  return (
    <div className="stock-screen" aria-busy={busy || undefined}>
      <p className="stock-back">
        <Link to="/stock">← {t('stockAdmin.warehouse.back')}</Link>
      </p>
      <WarehouseFacts warehouse={warehouse} canManage={canManage} staff={staff} />
      <nav className="section-tabs" aria-label={t('stockAdmin.warehouse.tabsLabel')}>
        {tabs.map((name) => (
          <Link
            key={name}
            to={name === 'stock' ? '?' : `?tab=${name}`}
            className={name === tab ? 'section-tabs__link active' : 'section-tabs__link'}
            aria-current={name === tab ? 'page' : undefined}
          >
            {t(`stockAdmin.warehouse.tabs.${name}`)}
          </Link>
        ))}
      </nav>
      {tab === 'stock' && <StockSection warehouse={warehouse} canManage={canManage} />}
      {tab === 'upload' && <UploadSection warehouse={warehouse} />}
      {tab === 'movements' && <MovementsSection warehouse={warehouse} />}
      {tab === 'incoming' && <IncomingSection warehouse={warehouse} canManage={canManage} />}
    </div>
  );
}

/** What the warehouse is and where, with its settings to edit for those who manage it. */
function WarehouseFacts({ warehouse, canManage, staff }: { warehouse: WarehouseRowFragment; canManage: boolean; staff: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [, update] = useMutation(StockWarehouseUpdateDocument);
  // A city that is its own region (Москва, Санкт-Петербург) is said once.
  const place = [...new Set([warehouse.address, warehouse.city, warehouse.region].filter(Boolean))].join(', ');
  return (
    <section className="net-card" aria-labelledby="stock-facts-heading">
      <h2 id="stock-facts-heading" className="ui-visually-hidden">
        {t('stockAdmin.warehouse.facts')}
      </h2>
      <dl className="stock-facts">
        <div>
          <dt>{t('stockAdmin.form.code')}:</dt>
          <dd>{warehouse.code}</dd>
        </div>
        <div>
          <dt>{t('stockAdmin.form.kind')}:</dt>
          <dd>{t(`stockAdmin.kind.${warehouse.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('stockAdmin.warehouses.columns.place')}:</dt>
          <dd>{place || '—'}</dd>
        </div>
        <div>
          <dt>{t('stockAdmin.warehouses.columns.pickup')}:</dt>
          <dd>{warehouse.pickupAllowed ? t('stockAdmin.yes') : t('stockAdmin.no')}</dd>
        </div>
        <div>
          <dt>{t('stockAdmin.form.handlingDays')}:</dt>
          <dd>{t('stockAdmin.warehouse.days', { count: warehouse.handlingDays, n: format.number(warehouse.handlingDays) })}</dd>
        </div>
        <div>
          <dt>{t('stockAdmin.form.networkDisplay')}:</dt>
          <dd>{t(`stockAdmin.display.${warehouse.networkDisplay}`)}</dd>
        </div>
      </dl>
      {canManage && (
        <p>
          <Button size="sm" onClick={() => setEditing(true)}>
            {t('stockAdmin.warehouse.edit')}
          </Button>
        </p>
      )}
      <Dialog open={editing} title={t('stockAdmin.warehouse.editTitle', { name: warehouse.name })} onClose={() => setEditing(false)}>
        <WarehouseForm
          initial={warehouseValues(warehouse)}
          staff={staff}
          editing
          submitLabel={t('stockAdmin.save')}
          onCancel={() => setEditing(false)}
          save={async (input) => {
            const result = await update({ id: warehouse.id, input }, { additionalTypenames: ['Warehouse'] });
            if (result.data?.warehouseUpdate?.warehouse) {
              setEditing(false);
              return null;
            }
            return answerErrors(result.error, result.data?.warehouseUpdate?.errors);
          }}
        />
      </Dialog>
    </section>
  );
}
