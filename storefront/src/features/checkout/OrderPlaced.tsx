import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import type { PlacedOrder } from './usePlaceOrder';

/**
 * The order-placed confirmation: its number and where it is now (waiting for the buyer's own
 * approvers, or sent to the seller), then the order's page and the catalog.
 */
export function OrderPlaced({ order }: { order: PlacedOrder }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const waiting = order.status === 'AWAITING_APPROVAL';
  const approvers = order.approvers.map((person) => person.fullName).filter(Boolean);
  return (
    <section className="order-placed" data-testid="order-placed" aria-labelledby="order-placed-title">
      <h1 id="order-placed-title" ref={heading} tabIndex={-1} className="order-placed__title">
        {t('checkout.placed.title', { number: order.number })}
      </h1>
      <p className="order-placed__status" data-testid="order-placed-status">
        {waiting
          ? approvers.length > 0
            ? t('checkout.placed.waitingFor', { approvers: approvers.join(', ') })
            : t('checkout.placed.waiting')
          : t('checkout.placed.sent', { seller: order.seller?.name ?? '' })}
      </p>
      {order.onBehalf && <p>{t('checkout.placed.forClient', { client: order.buyer.name })}</p>}
      <p>{t('checkout.placed.total', { total: format.money(order.grandTotalGross, order.currency) })}</p>
      <div className="order-placed__links">
        <Link className="ui-button ui-button--primary ui-button--md" to={`/orders/${order.id}`}>
          {t('checkout.placed.open')}
        </Link>
        <Link className="ui-button ui-button--secondary ui-button--md" to="/catalog">
          {t('checkout.placed.catalog')}
        </Link>
      </div>
    </section>
  );
}
