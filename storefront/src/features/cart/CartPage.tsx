import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CartPageDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { EmptyState, ErrorState, Spinner } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { hasCart } from './access';
import { CartLineRow } from './CartLineRow';
import { CartSummary } from './CartSummary';
import { QuickOrderPad } from './QuickOrderPad';
import './cart.css';
import { CartCheckoutActions } from '../checkout/CartCheckoutActions';
import { useBuyerArgument } from '../checkout/orderBuyer';

/** /cart: the lines, the totals with the checkout's actions, and the quick-order pad. */
export default function CartPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, organization } = useViewer();
  usePageTitle(t('cart.title'));
  const buyer = useBuyerArgument();
  // Ordering for a client needs no cart of one's own: the API decides who may.
  const allowed = hasCart(me, organization?.id) || buyer !== undefined;
  const [result, reexecute] = useQuery({ query: CartPageDocument, variables: { buyer }, pause: !allowed, requestPolicy: 'cache-and-network' });
  const cart = result.data?.cart;

  let body: React.ReactNode;
  if (!allowed) {
    body = <EmptyState title={t('cart.denied.title')}>{t('cart.denied.text')}</EmptyState>;
  } else if (!cart && result.error) {
    body = <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  } else if (!cart) {
    body = <Spinner size="lg" label={t('common.loading')} />;
  } else {
    const empty = cart.lines.length === 0;
    // The pad keeps its place in the tree whether the cart is empty or not: its report must
    // survive the first lines it adds to an empty cart.
    body = (
      <div className={empty ? 'cart-layout cart-layout--empty' : 'cart-layout'}>
        <div className="cart-page__main">
          {empty ? (
            <EmptyState title={t('cart.empty.title')} action={<Link to="/catalog">{t('cart.empty.toCatalog')}</Link>}>
              {t('cart.empty.text')}
            </EmptyState>
          ) : (
            <ul className="cart-lines" aria-label={t('cart.linesLabel')}>
              {cart.lines.map((line) => (
                <CartLineRow key={line.id} line={line} />
              ))}
            </ul>
          )}
          <QuickOrderPad />
        </div>
        {!empty && <CartSummary cart={cart} />}
      </div>
    );
  }

  return (
    <div className="cart-page">
      <div className="cart-page__head">
        <h1>
          {t('cart.title')}
          {cart && cart.lineCount > 0 && (
            <span className="cart-page__count"> · {t('cart.lines', { count: cart.lineCount, formatted: format.number(cart.lineCount) })}</span>
          )}
        </h1>
        {allowed && (
          <div className="cart-page__links">
            <Link to="/cart/saved">{t('cart.saved.link')}</Link>
          </div>
        )}
      </div>
      {/* The checkout's part: ordering for a client, the order file (no checkout link: the
          summary has it). */}
      <CartCheckoutActions canCheckout={false} />
      {body}
    </div>
  );
}
