import { useTranslation } from 'react-i18next';
import type { ModerationOrderFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { heldUnits } from './units';

/** The lines as the moderator needs them: quantity, price, promised date, units per status. */
export function ModerationLines({ order }: { order: ModerationOrderFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="net-card order-section" aria-labelledby="moderation-lines">
      <h2 id="moderation-lines">{t('orders.lines.title', { count: order.lines.length, formatted: format.number(order.lines.length) })}</h2>
      <ol className="order-lines">
        {order.lines.map((line) => {
          const unit = line.unit as Unit;
          return (
            <li key={line.id} className="order-line">
              <div className="order-line__what">
                <span className="order-line__sku">{line.sku}</span>
                <span>{line.name}</span>
                {line.promisedDate && <span className="net-muted">{t('moderation.lines.promised', { date: format.date(line.promisedDate) })}</span>}
                {line.openProposals.length > 0 && <span className="order-line__promo">{t('moderation.lines.openProposal')}</span>}
                {line.units && (
                  <ul className="moderation-units" aria-label={t('moderation.lines.units', { sku: line.sku })}>
                    {heldUnits(line.units).map(({ status, quantity }) => (
                      <li key={status} className={`moderation-units__item moderation-units__item--${status.toLowerCase()}`}>
                        {t(`moderation.units.${status}`)}: {format.quantity(quantity, unit)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="order-line__numbers">
                <span>{format.quantity(line.quantity, unit)}</span>
                <span className="net-muted">{t('orders.lines.unitPrice', { price: format.money(line.unitNet, order.currency) })}</span>
                <strong>{format.money(line.totalNet, order.currency)}</strong>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The order's dispatches, each with its lines and «Печать упаковочного листа». */
export function Dispatches({ order }: { order: ModerationOrderFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (order.dispatches.length === 0) return null;
  return (
    <section className="net-card order-section" aria-labelledby="moderation-dispatches">
      <h2 id="moderation-dispatches">{t('moderation.dispatches.title')}</h2>
      <ol className="order-shipments">
        {order.dispatches.map((dispatch) => (
          <li key={dispatch.id} className="order-shipment">
            <p className="order-shipment__head">
              <strong>{dispatch.number}</strong>
              {format.dateTime(dispatch.shippedAt)}
              <a className="ui-button ui-button--ghost ui-button--sm" href={dispatch.packingListUrl} target="_blank" rel="noopener">
                {t('moderation.dispatches.print', { number: dispatch.number })}
              </a>
            </p>
            <p className="net-muted">
              {[
                dispatch.documentNumber && t('moderation.dispatches.document', { number: dispatch.documentNumber }),
                dispatch.carrierName,
                dispatch.trackingNumber && t('moderation.dispatches.tracking', { number: dispatch.trackingNumber }),
                dispatch.warehouseName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <ul className="order-shipment__lines">
              {dispatch.lines.map((item) => (
                <li key={item.sku}>
                  <span className="order-line__sku">{item.sku}</span> {item.name}: {format.quantity(item.quantity, item.unit as Unit)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
