import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui';
import { AnnouncementMark } from '../announcements/AnnouncedProducts';

/** Pre-order, samples, and the latest announcement about the product (inside AnnouncedProducts). */
export function ProductBadges({ product }: { product: { id?: string; preorderAllowed: boolean; samplesAvailable: boolean } }) {
  const { t } = useTranslation();
  return (
    <span className="product-badges">
      <AnnouncementMark productId={product.id} />
      {product.preorderAllowed && <Badge tone="warning">{t('catalog.badges.preorder')}</Badge>}
      {product.samplesAvailable && <Badge tone="info">{t('catalog.badges.samples')}</Badge>}
    </span>
  );
}
