import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { PriceUnavailable } from './PriceUnavailable';
import { summarizeProductPrice, type PriceRange, type VariantPrice } from './priceView';
import { PromotionBadges } from './PromotionBadges';
import type { PriceAudience } from './usePriceAudience';
import './prices.css';

export interface PricedProduct {
  priceRange: PriceRange | null;
  variants: readonly { unit: Unit; price: VariantPrice | null }[];
}

/**
 * A catalog row's or card's price: «от 412,00 ₽» at the minimum order, per unit, with or
 * without VAT as the seller states prices, the list price struck out under a promotion and
 * the promotions' badges.
 */
export function ProductPrice({
  product,
  audience,
  compact = false,
  after,
}: {
  product: PricedProduct;
  audience: PriceAudience;
  /** One line for a phone's list row: the amount, «с НДС»/«без НДС» and the badges. */
  compact?: boolean;
  /** Said after the price on the compact line («заказ от 12 шт.»). */
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = summarizeProductPrice(product.priceRange, product.variants);
  if (!summary) return <PriceUnavailable audience={audience} />;
  const amount = format.money(summary.amount, summary.currency);
  const vat = summary.basis === 'gross' ? t('prices.vatIncluded') : t('prices.vatExcluded');
  if (compact) {
    return (
      <span className="price price--compact" data-testid="product-price-compact">
        <span className="price__amount">{summary.from ? t('prices.from', { amount }) : amount}</span>
        {summary.listAmount && (
          <s className="price__list">
            <span className="ui-visually-hidden">{t('prices.listPrice')} </span>
            {format.money(summary.listAmount, summary.currency)}
          </s>
        )}
        <span className="price__terms">
          {vat}
          {after && <> · {after}</>}
        </span>
        <PromotionBadges names={summary.promotions} hasPromotion={summary.hasPromotion} />
      </span>
    );
  }
  return (
    <div className="price" data-testid="product-price">
      <span className="price__line">
        <span className="price__amount" data-testid="price-amount">
          {summary.from ? t('prices.from', { amount }) : amount}
        </span>
        {summary.listAmount && (
          <s className="price__list">
            <span className="ui-visually-hidden">{t('prices.listPrice')} </span>
            {format.money(summary.listAmount, summary.currency)}
          </s>
        )}
      </span>
      <span className="price__terms">
        {t(`prices.per.${summary.unit}`)}, {vat}
      </span>
      <PromotionBadges names={summary.promotions} hasPromotion={summary.hasPromotion} />
    </div>
  );
}
