import { useTranslation } from 'react-i18next';
import type { OrderDetailsFragment, OrderWorkflowPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert } from '../../ui';
import { compareDecimal } from '../prices/decimal';
import { PaymentBadge, ReadOnlyBadge, StatusBadge } from './OrderBadges';
import { UnitStatusBar } from './UnitStatusBar';

/** A line's unit statuses and promised date (issue 14), by line id; absent before the seller has the order. */
export type LineFulfilment = Map<string, Pick<OrderWorkflowPartsFragment['lines'][number], 'units' | 'promisedDate'>>;

/**
 * The order's head: status (and, while it waits, by whom), who buys from whom, who placed it
 * and for whom, the dates, the references and the comment.
 */
export function OrderSummary({ order, readOnly }: { order: OrderDetailsFragment; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const approvers = order.approvers.map((person) => person.fullName).filter(Boolean);
  const delivery =
    order.deliveryMethod === 'PICKUP'
      ? t('orders.detail.pickupAt', { warehouse: order.pickupWarehouse?.name ?? '—' })
      : [order.deliveryRegion, order.deliveryCity, order.deliveryAddress].filter(Boolean).join(', ') || '—';
  return (
    <section className="net-card order-section" aria-labelledby="order-summary">
      <h2 id="order-summary" className="ui-visually-hidden">
        {t('orders.detail.summary')}
      </h2>
      <div className="order-summary__badges">
        <StatusBadge status={order.status} />
        <PaymentBadge status={order.paymentStatus} />
        <span className="net-muted">{t(`orders.type.${order.orderType}`)}</span>
        {readOnly && <ReadOnlyBadge />}
      </div>
      {order.status === 'AWAITING_APPROVAL' && (
        <Alert tone="warning">
          {approvers.length > 0
            ? t('orders.detail.waitingFor', { approvers: approvers.join(', ') })
            : t('orders.detail.waiting')}
          {order.approvalLimit && ` ${t('orders.detail.overLimit', { limit: format.money(order.approvalLimit, order.currency) })}`}
        </Alert>
      )}
      {order.status === 'REJECTED' && (
        <Alert tone="error">
          {t('orders.detail.rejectedBy', { person: order.decidedBy?.fullName || t('orders.someone'), date: format.dateTime(order.decidedAt) })}
          {order.decisionComment && ` «${order.decisionComment}»`}
        </Alert>
      )}
      <dl className="order-facts">
        <div>
          <dt>{t('orders.detail.buyer')}</dt>
          <dd>{order.buyer.name}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.seller')}</dt>
          <dd>{order.seller?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.placedBy')}</dt>
          <dd>
            {order.placedBy.fullName || t('orders.someone')}
            {order.placedAs && order.placedAs.id !== order.buyer.id && ` (${order.placedAs.name})`}
            {order.onBehalf && <span className="order-facts__behalf">{t('orders.detail.forClient', { client: order.buyer.name })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('orders.detail.placedAt')}</dt>
          <dd>{format.dateTime(order.placedAt)}</dd>
        </div>
        {order.decidedAt && order.status !== 'REJECTED' && (
          <div>
            <dt>{t('orders.detail.approvedAt')}</dt>
            <dd>
              {format.dateTime(order.decidedAt)} · {order.decidedBy?.fullName || t('orders.someone')}
            </dd>
          </div>
        )}
        {order.sellerNumber && (
          <div>
            <dt>{t('orders.detail.sellerNumber')}</dt>
            <dd>{order.sellerNumber}</dd>
          </div>
        )}
        {order.buyerReference && (
          <div>
            <dt>{t('orders.detail.reference')}</dt>
            <dd>{order.buyerReference}</dd>
          </div>
        )}
        <div>
          <dt>{t(order.deliveryMethod === 'PICKUP' ? 'orders.detail.pickup' : 'orders.detail.delivery')}</dt>
          <dd>{delivery}</dd>
        </div>
        {order.comment && (
          <div className="order-facts__wide">
            <dt>{t('orders.detail.comment')}</dt>
            <dd>{order.comment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/**
 * Lines: SKU, name, quantity with its pre-ordered part, unit and line prices, tier and
 * promotions; once the seller has the order, each line's units by status and promised date.
 */
export function OrderLines({ order, fulfilment }: { order: OrderDetailsFragment; fulfilment?: LineFulfilment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: string) => format.money(amount, order.currency);
  return (
    <section className="net-card order-section" aria-labelledby="order-lines">
      <h2 id="order-lines">{t('orders.lines.title', { count: order.lines.length, formatted: format.number(order.lines.length) })}</h2>
      <ol className="order-lines">
        {order.lines.map((line) => (
          <li key={line.id} className="order-line">
            <div className="order-line__what">
              <span className="order-line__sku">{line.sku}</span>
              <span>{line.name}</span>
              {line.tierMinQuantity && compareDecimal(line.tierMinQuantity, '1') > 0 && (
                <span className="net-muted">{t('orders.lines.tier', { quantity: format.quantity(line.tierMinQuantity, line.unit) })}</span>
              )}
              {line.promotionNames.length > 0 && (
                <span className="order-line__promo">{t('orders.lines.promotions', { names: line.promotionNames.join(', ') })}</span>
              )}
            </div>
            <div className="order-line__numbers">
              <span>
                {format.quantity(line.quantity, line.unit)}
                {compareDecimal(line.preorderQuantity, '0') > 0 && (
                  <span className="order-line__preorder">{t('orders.lines.preorder', { quantity: format.quantity(line.preorderQuantity, line.unit) })}</span>
                )}
              </span>
              <span className="net-muted">
                {t('orders.lines.unitPrice', { price: money(line.unitNet) })}
                {compareDecimal(line.listNet, line.unitNet) > 0 && (
                  <s className="order-line__list">{money(line.listNet)}</s>
                )}
              </span>
              <strong>{money(line.totalNet)}</strong>
            </div>
            <LineProgress line={line} fulfilment={fulfilment?.get(line.id)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function LineProgress({
  line,
  fulfilment,
}: {
  line: OrderDetailsFragment['lines'][number];
  fulfilment: (LineFulfilment extends Map<string, infer V> ? V : never) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!fulfilment || (!fulfilment.units && !fulfilment.promisedDate)) return null;
  return (
    <div className="order-line__progress">
      {fulfilment.promisedDate && <p className="net-muted">{t('orderWorkflow.units.promisedDate', { date: format.date(fulfilment.promisedDate) })}</p>}
      {fulfilment.units && <UnitStatusBar units={fulfilment.units} unit={line.unit} />}
    </div>
  );
}

/** The planned shipments: warehouse, carrier or pickup, cost, dates and the lines each carries. */
export function OrderShipments({ order }: { order: OrderDetailsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (order.shipments.length === 0) return null;
  return (
    <section className="net-card order-section" aria-labelledby="order-shipments">
      <h2 id="order-shipments">{t('orders.shipments.title')}</h2>
      <ol className="order-shipments">
        {order.shipments.map((shipment) => (
          <li key={shipment.id} className="order-shipment">
            <p className="order-shipment__head">
              <strong>{t('orders.shipments.number', { number: format.number(shipment.position) })}</strong>
              {shipment.warehouseName}
              {shipment.preorder && <span className="order-line__preorder">{t('orders.shipments.preorder')}</span>}
            </p>
            <p className="net-muted">
              {shipment.pickup ? t('orders.shipments.pickup') : shipment.carrier?.name ?? t('orders.shipments.noCarrier')}
              {' · '}
              {shipment.cost ? format.money(shipment.cost.amount, shipment.cost.currency) : t('orders.shipments.noCost')}
              {' · '}
              {t('orders.shipments.shipDate', { date: format.date(shipment.shipDate) })}
              {shipment.arrivalDate && ` · ${t('orders.shipments.arrivalDate', { date: format.date(shipment.arrivalDate) })}`}
            </p>
            <ul className="order-shipment__lines">
              {shipment.lines.map((item) => (
                <li key={`${item.line.id}-${item.preorder ? 'p' : 's'}`}>
                  <span className="order-line__sku">{item.line.sku}</span> {item.line.name}: {format.quantity(item.quantity, item.line.unit)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Totals: net, the volume discount, VAT, gross, delivery and what is to be paid. */
export function OrderTotals({ order }: { order: OrderDetailsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: string) => format.money(amount, order.currency);
  return (
    <section className="net-card order-section" aria-labelledby="order-totals">
      <h2 id="order-totals">{t('orders.totals.title')}</h2>
      <dl className="order-totals">
        {compareDecimal(order.volumeDiscountPercent, '0') > 0 && (
          <>
            <div>
              <dt>{t('orders.totals.subtotal')}</dt>
              <dd>{money(order.subtotalNet)}</dd>
            </div>
            <div>
              <dt>{t('orders.totals.volumeDiscount')}</dt>
              <dd>−{format.percent(order.volumeDiscountPercent)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('orders.totals.net')}</dt>
          <dd>{money(order.totalNet)}</dd>
        </div>
        <div>
          <dt>{t('orders.totals.vat', { rate: format.percent(order.vatRate) })}</dt>
          <dd>{money(order.totalVat)}</dd>
        </div>
        <div>
          <dt>{t('orders.totals.gross')}</dt>
          <dd>{money(order.totalGross)}</dd>
        </div>
        <div>
          <dt>{t('orders.totals.delivery')}</dt>
          <dd>{money(order.deliveryNet)}</dd>
        </div>
        <div className="order-totals__grand">
          <dt>{t('orders.totals.grand')}</dt>
          <dd>{money(order.grandTotalGross)}</dd>
        </div>
      </dl>
    </section>
  );
}
