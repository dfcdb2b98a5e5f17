import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FOR_PARAM, useOrderBuyer } from './orderBuyer';
import { OrderFileButton } from './orderFile/OrderFileButton';
import { OrderForClient } from './OrderForClient';
import './checkout.css';

/**
 * What the checkout adds to the cart page's `cart-actions` area: the «ordering for» banner or
 * the client picker, «Заказ из файла», and the way to the checkout (for the same buyer).
 */
export function CartCheckoutActions({ clientName, canCheckout = true }: { clientName?: string | undefined; canCheckout?: boolean }) {
  const { t } = useTranslation();
  const buyer = useOrderBuyer();
  return (
    <div className="cart-checkout-actions">
      <OrderForClient clientName={clientName} />
      <div className="cart-checkout-actions__row">
        <OrderFileButton />
        {canCheckout && (
          <Link className="ui-button ui-button--primary ui-button--md" to={buyer ? `/checkout?${FOR_PARAM}=${encodeURIComponent(buyer)}` : '/checkout'} data-testid="to-checkout">
            {t('checkout.toCheckout')}
          </Link>
        )}
      </div>
    </div>
  );
}
