import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { PriceAudience } from './usePriceAudience';

/**
 * In place of a price the API did not give: a signed-out visitor is asked to sign in (a link
 * back here when `signInLink`), staff learn prices are a partner's, a partner without a price
 * for this variant reads «Цена по запросу». No number either way.
 */
export function PriceUnavailable({ audience, signInLink = false }: { audience: PriceAudience; signInLink?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (audience === 'pending') return null;
  if (audience === 'signedOut') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <p className="price price--none" data-testid="price-sign-in">
        {signInLink ? <Link to={`/sign-in?next=${next}`}>{t('prices.signIn')}</Link> : t('prices.signIn')}
      </p>
    );
  }
  return (
    <p className="price price--none" data-testid="price-none">
      {audience === 'notBuying' ? t('prices.partnersOnly') : t('prices.onRequest')}
    </p>
  );
}
