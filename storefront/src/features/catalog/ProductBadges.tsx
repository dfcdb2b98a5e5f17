import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui';

export function ProductBadges({ product }: { product: { preorderAllowed: boolean; samplesAvailable: boolean } }) {
  const { t } = useTranslation();
  if (!product.preorderAllowed && !product.samplesAvailable) return null;
  return (
    <span className="product-badges">
      {product.preorderAllowed && <Badge tone="warning">{t('catalog.badges.preorder')}</Badge>}
      {product.samplesAvailable && <Badge tone="info">{t('catalog.badges.samples')}</Badge>}
    </span>
  );
}
