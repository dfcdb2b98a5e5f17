import { useTranslation } from 'react-i18next';
import type { OrderDetailsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { isDecimal } from '../prices/decimal';
import { eventChanges } from './eventChanges';

type OrderEvent = OrderDetailsFragment['events'][number];
/** The fields whose values are enum codes the interface translates. */
const VALUE_KEYS: Record<string, string> = { status: 'orders.status', paymentStatus: 'orders.payment', payment_status: 'orders.payment', orderType: 'orders.type', order_type: 'orders.type', moderation_state: 'orderWorkflow.state' };

const MONEY_FIELD = /total|gross|net/i;

/**
 * The order's history, oldest first: when, who (as which organization, on whose behalf), what
 * happened, the changed fields «before → after», and the comment.
 */
export function OrderHistory({ events, currency }: { events: OrderEvent[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (field: string, raw: unknown): string => {
    if (raw === undefined || raw === null || raw === '') return '—';
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const key = VALUE_KEYS[field];
    if (key) return t(`${key}.${text}`, { defaultValue: text });
    // Totals are money in the order's currency, whichever way the API spells the field.
    return MONEY_FIELD.test(field) && isDecimal(text) ? format.money(text, currency) : text;
  };
  return (
    <section className="net-card order-section" aria-labelledby="order-history">
      <h2 id="order-history">{t('orders.history.title')}</h2>
      {events.length === 0 ? (
        <p className="net-muted">{t('orders.history.empty')}</p>
      ) : (
        <ol className="order-history">
          {events.map((event) => {
            const changes = eventChanges(event.before, event.after);
            return (
              <li key={event.id} className="order-history__event">
                <p className="order-history__what">
                  <strong>{t(`orders.history.events.${event.type}`, { defaultValue: event.type })}</strong>
                  <time className="net-muted" dateTime={event.createdAt}>
                    {format.dateTime(event.createdAt)}
                  </time>
                </p>
                <p className="order-history__who">
                  {event.user ? event.user.fullName || t('orders.someone') : t('orders.history.system')}
                  {event.actingAs && ` · ${t('orders.history.actingAs', { organization: event.actingAs.name })}`}
                  {event.onBehalfOf && ` · ${t('orders.history.onBehalfOf', { organization: event.onBehalfOf.name })}`}
                </p>
                {changes.length > 0 && (
                  <ul className="order-history__changes">
                    {changes.map((change) => (
                      <li key={change.field}>
                        <span className="net-muted">{t(`orders.history.fields.${change.field}`, { defaultValue: change.field })}: </span>
                        {value(change.field, change.before)} → {value(change.field, change.after)}
                      </li>
                    ))}
                  </ul>
                )}
                {event.message && <blockquote className="order-history__comment">{event.message}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
