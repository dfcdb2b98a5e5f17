import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../api/errors';
import type { AllocationPreviewPartsFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Badge } from '../../ui';
import { placeOf } from './place';
import './stock.css';

type Preview = AllocationPreviewPartsFragment;
type Shipment = Preview['shipments'][number];
type Shortfall = Preview['shortfalls'][number];

/** Shortfall codes with a short reason of their own; any other code reads as the API's error. */
const SHORTFALL_REASONS = ['NOT_ENOUGH_STOCK', 'PREORDER_NOT_ALLOWED', 'ONE_SHIPMENT_IMPOSSIBLE', 'PICKUP_NOT_ALLOWED'] as const;
type ShortfallReason = (typeof SHORTFALL_REASONS)[number];

/**
 * How an order's lines would travel: one segment per shipment (the warehouse it leaves from,
 * its lines with pre-ordered ones and their expected dates, the carrier or pickup, cost and
 * dates), what cannot be covered (SKU, missing quantity, why), and the totals. A list on every
 * screen: on a phone the segments stack, on a wide screen their facts line up in columns.
 * Reused by the cart.
 */
export function ShipmentPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { shipments, shortfalls, errors } = preview;

  if (errors.length > 0) {
    return (
      <div className="shipment-preview" data-testid="shipment-preview">
        <Alert tone="error" title={t('shipmentPreview.failed')}>
          <ul className="shipment-preview__errors">
            {errors.map((error, index) => (
              <li key={`${error.code}-${index}`}>
                {describeProblem(t, { code: error.code, detail: error.message })}
                {error.skus?.length ? (
                  <>
                    {' '}
                    <span className="sku">{error.skus.join(', ')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      </div>
    );
  }
  if (shipments.length === 0 && shortfalls.length === 0) {
    return (
      <div className="shipment-preview" data-testid="shipment-preview">
        <p className="shipment-preview__empty">{t('shipmentPreview.empty')}</p>
      </div>
    );
  }

  return (
    <div className="shipment-preview" data-testid="shipment-preview">
      <p className="shipment-preview__summary" data-testid="shipment-summary">
        {t('shipmentPreview.count', { count: shipments.length, formatted: format.number(shipments.length) })}
        {!preview.complete && ` · ${t('shipmentPreview.incomplete')}`}
      </p>
      {shipments.length > 0 && (
        <ol className="shipment-preview__list">
          {shipments.map((shipment, index) => (
            <ShipmentSegment key={`${shipment.warehouse.id}-${shipment.readyDate}`} shipment={shipment} index={index} total={shipments.length} />
          ))}
        </ol>
      )}
      {shortfalls.length > 0 && <Shortfalls shortfalls={shortfalls} />}
      <dl className="shipment-preview__totals" data-testid="shipment-totals">
        <div>
          <dt>{t('shipmentPreview.totalCost')}</dt>
          <dd>{preview.deliveryCost ? format.money(preview.deliveryCost.amount, preview.deliveryCost.currency) : t('shipmentPreview.costUnknown')}</dd>
        </div>
        <div>
          <dt>{t('shipmentPreview.allArrive')}</dt>
          <dd>{preview.deliveryDate ? format.date(preview.deliveryDate) : t('shipmentPreview.dateUnknown')}</dd>
        </div>
      </dl>
    </div>
  );
}

function ShipmentSegment({ shipment, index, total }: { shipment: Shipment; index: number; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { warehouse } = shipment;
  const place = placeOf(warehouse);
  return (
    <li className="shipment" data-testid="shipment">
      <div className="shipment__head">
        <span className="shipment__number">
          {t('shipmentPreview.number', { number: format.number(index + 1), total: format.number(total) })}
        </span>
        <span className="shipment__warehouse">{warehouse.name}</span>
        {place && <span className="shipment__place">{place}</span>}
      </div>
      <ul className="shipment__lines">
        {shipment.lines.map((line) => (
          <li key={`${line.sku}-${line.preorder ? 'p' : 's'}`} className="shipment__line">
            <span className="sku">{line.sku}</span>
            <span className="shipment__quantity">{format.quantity(line.quantity, line.variant.unit)}</span>
            {line.preorder && (
              <Badge tone="warning">
                {line.expectedDate ? t('shipmentPreview.expected', { date: format.date(line.expectedDate) }) : t('shipmentPreview.preorder')}
              </Badge>
            )}
          </li>
        ))}
      </ul>
      <dl className="shipment__facts">
        <div>
          <dt>{t('shipmentPreview.carrier')}</dt>
          <dd>{shipment.pickup ? t('shipmentPreview.pickup') : (shipment.carrier?.name ?? '—')}</dd>
        </div>
        <div>
          <dt>{t('shipmentPreview.cost')}</dt>
          <dd>
            {shipment.deliveryCost
              ? Number(shipment.deliveryCost.amount) === 0
                ? t('shipmentPreview.free')
                : format.money(shipment.deliveryCost.amount, shipment.deliveryCost.currency)
              : shipment.problem
                ? describeProblem(t, { code: shipment.problem, detail: shipment.problem })
                : t('shipmentPreview.costUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('shipmentPreview.ready')}</dt>
          <dd>{format.date(shipment.readyDate)}</dd>
        </div>
        <div>
          <dt>{shipment.pickup ? t('shipmentPreview.pickupFrom') : t('shipmentPreview.delivery')}</dt>
          <dd>
            {shipment.deliveryDate ? format.date(shipment.deliveryDate) : t('shipmentPreview.dateUnknown')}
            {!shipment.pickup && shipment.transitDays !== null && shipment.transitDays !== undefined && (
              <span className="shipment__transit">
                {' '}
                {t('shipmentPreview.transit', { count: shipment.transitDays, formatted: format.number(shipment.transitDays) })}
              </span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function Shortfalls({ shortfalls }: { shortfalls: Shortfall[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = (code: Shortfall['code']) =>
    (SHORTFALL_REASONS as readonly string[]).includes(code)
      ? t(`shipmentPreview.reason.${code as ShortfallReason}`)
      : describeProblem(t, { code, detail: code });
  return (
    <section className="shipment-preview__shortfalls" aria-label={t('shipmentPreview.shortfalls')} data-testid="shortfalls">
      <h3 className="shipment-preview__subtitle">{t('shipmentPreview.shortfalls')}</h3>
      <ul>
        {shortfalls.map((shortfall) => {
          const unit: Unit = shortfall.variant?.unit ?? 'PCS';
          return (
            <li key={`${shortfall.sku}-${shortfall.code}`} className="shortfall">
              <span className="sku">{shortfall.sku}</span>{' '}
              {t('shipmentPreview.missing', {
                missing: format.quantity(shortfall.missing, unit),
                requested: format.quantity(shortfall.requested, unit),
              })}
              <span className="shortfall__reason">{reason(shortfall.code)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
