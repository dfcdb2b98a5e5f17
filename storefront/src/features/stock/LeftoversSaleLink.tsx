import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { StockLeftoversOnSaleDocument } from '../../gql/graphql';
import { useViewer } from '../auth/ViewerProvider';
import { buysFromSeller } from './access';

/**
 * «Распродажа»: a link to the seller's leftovers on sale, for a buyer whose seller has published
 * some. It asks one small question (whether there are any), so it lives on the home screen
 * rather than in the header of every page.
 */
export function LeftoversSaleLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const buyer = buysFromSeller(me, organization?.id);
  const [{ data }] = useQuery({ query: StockLeftoversOnSaleDocument, pause: !buyer });
  const count = data?.leftovers.totalCount ?? 0;
  if (!buyer || count === 0) return null;
  return (
    <Link className={className} to="/stock/leftovers">
      {t('stockAdmin.leftovers.saleLink', { count })}
    </Link>
  );
}
