import { useTranslation } from 'react-i18next';
import type { CheckoutCartQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { describeProblem } from '../../api/errors';

type Cart = CheckoutCartQuery['cart'];

/** The cart's lines as they will be ordered: SKU, name, quantity and sum; a line's problem under it. */
export function CheckoutLines({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="checkout-lines" data-testid="checkout-lines">
      {cart.lines.map((line) => (
        <li key={line.id} className="checkout-line">
          <span className="checkout-line__name">
            <span className="sku">{line.sku}</span> {line.name}
          </span>
          <span className="checkout-line__quantity">{format.quantity(line.quantity, line.unit)}</span>
          <span className="checkout-line__sum">{format.money(line.totalNet, cart.currency)}</span>
          {line.problem && (
            <span className="checkout-line__problem" role="note">
              {describeProblem(t, { code: line.problem.code, detail: line.problem.message })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Net, VAT and gross of the lines (after the volume discount), and the delivery on top. */
export function CheckoutTotals({ cart, delivery }: { cart: Cart; delivery: { amount: string; currency: string } | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals, currency } = cart;
  const discounted = Number(totals.volumeDiscountPercent) > 0;
  return (
    <dl className="checkout-totals" data-testid="checkout-totals">
      {discounted && (
        <div>
          <dt>{t('checkout.totals.volumeDiscount', { percent: format.percent(totals.volumeDiscountPercent) })}</dt>
          <dd>{format.money(totals.subtotalNet, currency)}</dd>
        </div>
      )}
      <div>
        <dt>{t('checkout.totals.net')}</dt>
        <dd>{format.money(totals.totalNet, currency)}</dd>
      </div>
      <div>
        <dt>{t('checkout.totals.vat')}</dt>
        <dd>{format.money(totals.totalVat, currency)}</dd>
      </div>
      <div className="checkout-totals__gross">
        <dt>{t('checkout.totals.gross')}</dt>
        <dd>{format.money(totals.totalGross, currency)}</dd>
      </div>
      <div>
        <dt>{t('checkout.totals.delivery')}</dt>
        <dd>{delivery ? format.money(delivery.amount, delivery.currency) : t('checkout.totals.deliveryLater')}</dd>
      </div>
    </dl>
  );
}
