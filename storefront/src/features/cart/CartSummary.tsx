import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { CartClearDocument, type CartPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog } from '../../ui';
import { CheckoutErrors } from './CheckoutErrors';
import { amountLeft } from './money';
import { FOR_PARAM, useBuyerArgument } from '../checkout/orderBuyer';

/** The cart's totals (net, VAT, gross), the next volume step, the actions and «Очистить». */
export function CartSummary({ cart }: { cart: CartPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const buyer = useBuyerArgument();
  const [clear, sendClear] = useMutation(CartClearDocument);
  const { totals, currency } = cart;
  const next = totals.nextVolumeStep;
  const left = next ? amountLeft(next.threshold, totals.subtotalNet) : null;
  const discounted = Number(totals.volumeDiscountPercent) > 0;

  return (
    <aside className="cart-summary" aria-labelledby="cart-summary-title" data-testid="cart-summary">
      <h2 id="cart-summary-title">{t('cart.summary.title')}</h2>
      <dl className="cart-totals">
        {discounted && (
          <>
            <dt>{t('cart.summary.subtotalNet')}</dt>
            <dd>{format.money(totals.subtotalNet, currency)}</dd>
            <dt>{t('cart.summary.volumeDiscount')}</dt>
            <dd>{format.percent(totals.volumeDiscountPercent)}</dd>
          </>
        )}
        <dt>{t('cart.summary.totalNet')}</dt>
        <dd data-testid="cart-total-net">{format.money(totals.totalNet, currency)}</dd>
        <dt>{t('cart.summary.totalVat')}</dt>
        <dd>{format.money(totals.totalVat, currency)}</dd>
        <dt className="cart-totals__gross">{t('cart.summary.totalGross')}</dt>
        <dd className="cart-totals__gross" data-testid="cart-total-gross">
          {format.money(totals.totalGross, currency)}
        </dd>
      </dl>
      {next && left && (
        <p className="cart-summary__hint" data-testid="cart-next-step">
          {t('cart.summary.nextStep', { amount: format.money(left, currency), percent: format.percent(next.percent) })}
        </p>
      )}
      {!cart.canPlace && <p className="cart-summary__hint">{t('cart.summary.cannotPlace')}</p>}
      {/* The checkout's slot (helper scheckout): its file upload and «Оформить заказ» go here. */}
      <div className="cart-actions" data-testid="cart-actions">
        <Link className="cart-actions__checkout" to={buyer ? `/checkout?${FOR_PARAM}=${encodeURIComponent(buyer)}` : '/checkout'} aria-disabled={!cart.canPlace || undefined}>
          {t('cart.summary.checkout')}
        </Link>
      </div>
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        {t('cart.summary.clear')}
      </Button>
      <Dialog
        open={confirming}
        title={t('cart.clear.title')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>{t('cart.cancel')}</Button>
            <Button
              variant="danger"
              busy={clear.fetching}
              onClick={async () => {
                const result = await sendClear({ buyer });
                if (!result.error && result.data?.cartClear?.errors.length === 0) setConfirming(false);
              }}
            >
              {t('cart.clear.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('cart.clear.text', { count: cart.lineCount, formatted: format.number(cart.lineCount) })}</p>
        <CheckoutErrors errors={clear.data?.cartClear?.errors} error={clear.error} />
      </Dialog>
    </aside>
  );
}
