import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SavedCartsDocument, SavedCartToCartDocument, type LineReportPartsFragment } from '../../gql/graphql';
import { EmptyState, ErrorState, Spinner } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { hasCart } from './access';
import { CheckoutErrors } from './CheckoutErrors';
import { LineReportList } from './LineReportList';
import { SaveCartForm } from './SaveCartForm';
import { SavedCartItem } from './SavedCartItem';
import './cart.css';
import { useBuyerArgument } from '../checkout/orderBuyer';

const CONTEXT = { additionalTypenames: ['SavedCart'] };

/**
 * /cart/saved: named carts (requisition lists) of the organization: the viewer's own and those
 * shared with it. Save the cart under a name; load one into the cart (replacing it or adding
 * to it) and see what became of each line; rename, share, delete one's own.
 */
export default function SavedCartsPage() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  usePageTitle(t('cart.saved.title'));
  const buyer = useBuyerArgument();
  const allowed = hasCart(me, organization?.id) || buyer !== undefined;
  const [result, reexecute] = useQuery({ query: SavedCartsDocument, variables: { first: 100 }, pause: !allowed, context: CONTEXT });
  const [loaded, setLoaded] = useState<{ name: string; report: LineReportPartsFragment[] } | null>(null);
  const [loading, load] = useMutation(SavedCartToCartDocument);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const carts = result.data?.savedCarts.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];

  let list: React.ReactNode;
  if (!allowed) list = <EmptyState title={t('cart.denied.title')}>{t('cart.denied.text')}</EmptyState>;
  else if (!result.data && result.error) list = <ErrorState error={result.error} onRetry={refresh} />;
  else if (!result.data) list = <Spinner size="lg" label={t('common.loading')} />;
  else if (carts.length === 0) list = <EmptyState title={t('cart.saved.empty.title')}>{t('cart.saved.empty.text')}</EmptyState>;
  else
    list = (
      <ul className="saved-carts" aria-label={t('cart.saved.listLabel')}>
        {carts.map((saved) => (
          <SavedCartItem
            key={saved.id}
            saved={saved}
            busy={loading.fetching}
            onChanged={refresh}
            onLoad={async (replace) => {
              setLoaded(null);
              const answer = await load({ id: saved.id, buyer, replace });
              const report = answer.data?.savedCartToCart;
              if (report && report.errors.length === 0) setLoaded({ name: saved.name, report: report.report });
            }}
          />
        ))}
      </ul>
    );

  return (
    <div className="cart-page">
      <div className="cart-page__head">
        <h1>{t('cart.saved.title')}</h1>
        <div className="cart-page__links">
          <Link to="/cart">{t('cart.saved.backToCart')}</Link>
        </div>
      </div>
      {allowed && <SaveCartForm onSaved={refresh} />}
      <CheckoutErrors errors={loading.data?.savedCartToCart?.errors} error={loading.error} />
      {loaded && (
        <section aria-labelledby="saved-loaded-title" className="quick-order" data-testid="saved-loaded">
          <h2 id="saved-loaded-title">{t('cart.saved.loaded', { name: loaded.name })}</h2>
          <LineReportList report={loaded.report} source="SAVED_CART" />
          <Link to="/cart">{t('cart.add.goToCart')}</Link>
        </section>
      )}
      {list}
    </div>
  );
}
