import { useTranslation } from 'react-i18next';
import type { Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { PriceTiers } from './PriceTiers';
import { PriceUnavailable } from './PriceUnavailable';
import { currentTierIndex, priceUnit, shownPrice, tierAmount, type PriceTier, type VariantPrice } from './priceView';
import { PromotionList } from './PromotionList';
import type { PriceAudience } from './usePriceAudience';
import './prices.css';

/**
 * The chosen variant's price on the product page: the unit price (the other VAT basis under
 * it), the list price struck out under a promotion, the next cheaper tier, the promotions with
 * their last day, and every quantity tier with the buyer's one marked.
 */
export function VariantPricePanel({
  variant,
  audience,
}: {
  variant: { unit: Unit; price: VariantPrice | null; priceTiers: readonly PriceTier[] };
  audience: PriceAudience;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { price } = variant;
  if (!price) {
    return (
      <div className="variant-price" data-testid="variant-price">
        <PriceUnavailable audience={audience} signInLink />
      </div>
    );
  }
  const shown = shownPrice(price);
  const unit = priceUnit(price, variant.unit);
  const money = (amount: string) => format.money(amount, shown.currency);
  const vat = (basis: 'gross' | 'net') => (basis === 'gross' ? t('prices.vatIncluded') : t('prices.vatExcluded'));
  const other = shown.basis === 'gross' ? 'net' : 'gross';
  return (
    <div className="variant-price" data-testid="variant-price">
      <p className="variant-price__main">
        <span className="variant-price__label">{t('prices.yourPrice')}</span>{' '}
        <span className="variant-price__amount" data-testid="price-amount">
          {money(shown.amount)}
        </span>{' '}
        {shown.listAmount && (
          <s className="price__list">
            <span className="ui-visually-hidden">{t('prices.listPrice')} </span>
            {money(shown.listAmount)}
          </s>
        )}{' '}
        <span className="price__terms">
          {t(`prices.per.${unit}`)}, {vat(shown.basis)}
        </span>
      </p>
      <p className="variant-price__other" data-testid="price-other">
        {t('prices.otherBasis', { amount: money(shown.otherAmount), vat: vat(other) })} ·{' '}
        {t('prices.vatRate', { rate: format.percent(price.vatRate) })}
      </p>
      {price.nextTier && (
        <p className="variant-price__next" data-testid="next-tier">
          {t('prices.nextTier', {
            quantity: format.quantity(price.nextTier.minQuantity, unit),
            amount: money(tierAmount(price.nextTier, shown.basis)),
          })}
        </p>
      )}
      {price.promotions.length > 0 && <PromotionList promotions={price.promotions} currency={shown.currency} />}
      {variant.priceTiers.length > 1 && (
        <PriceTiers
          tiers={variant.priceTiers}
          currentIndex={currentTierIndex(variant.priceTiers, price)}
          basis={shown.basis}
          currency={shown.currency}
          unit={unit}
        />
      )}
    </div>
  );
}
