import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { CartBadgeDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useViewer } from '../auth/ViewerProvider';
import { hasCart } from './access';
import './cart.css';
import { useBuyerArgument } from '../checkout/orderBuyer';

/**
 * The header's link to the cart with its number of lines. Every cart mutation answers with
 * the Cart, so urql's document cache refetches this count after each of them.
 */
export function CartBadge() {
  const { me, organization } = useViewer();
  const buyer = useBuyerArgument();
  if (!hasCart(me, organization?.id) && buyer === undefined) return null;
  return <CartBadgeLink />;
}

function CartBadgeLink() {
  const { t } = useTranslation();
  const format = useFormat();
  const buyer = useBuyerArgument();
  const [result] = useQuery({ query: CartBadgeDocument, variables: { buyer } });
  const count = result.data?.cart.lineCount ?? 0;
  return (
    <NavLink
      to="/cart"
      className="cart-badge"
      data-testid="cart-badge"
      aria-label={count > 0 ? t('cart.badge.withLines', { count, formatted: format.number(count) }) : t('cart.badge.empty')}
    >
      <svg className="cart-badge__icon" viewBox="0 0 24 24" aria-hidden focusable="false">
        <path
          d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2M10 20a1 1 0 1 1-2 0 1 1 0 0 1 2 0Zm8 0a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 && (
        <span className="cart-badge__count" data-testid="cart-badge-count" aria-hidden>
          {format.number(count)}
        </span>
      )}
    </NavLink>
  );
}
