import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { Badge } from '../../ui';
import type { Promotion } from './priceView';

/** The promotions in a price: the discount, the name and the last day («до 31.12.2026»). */
export function PromotionList({ promotions, currency }: { promotions: readonly Promotion[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="price-promotions" aria-label={t('prices.promotions')} data-testid="price-promotions">
      {promotions.map((promotion) => (
        <li key={promotion.id}>
          <Badge tone="success">
            {t('prices.discount', {
              value:
                promotion.kind === 'PERCENT' ? format.percent(promotion.value) : format.money(promotion.value, currency),
            })}
          </Badge>{' '}
          <span className="price-promotions__name">{promotion.name}</span>
          {promotion.validUntil && (
            <span className="price-promotions__until"> {t('prices.until', { date: format.date(promotion.validUntil) })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
