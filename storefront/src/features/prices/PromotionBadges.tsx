import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui';

/** A badge per promotion applied («Акция: Весна»), or one «Акция» when only the fact is known. */
export function PromotionBadges({ names, hasPromotion }: { names: string[]; hasPromotion: boolean }) {
  const { t } = useTranslation();
  if (names.length === 0 && !hasPromotion) return null;
  return (
    <span className="price__promotions" data-testid="promotion-badges">
      {names.length === 0 ? (
        <Badge tone="success">{t('prices.promotion')}</Badge>
      ) : (
        names.map((name) => (
          <Badge key={name} tone="success">
            {t('prices.promotionNamed', { name })}
          </Badge>
        ))
      )}
    </span>
  );
}
