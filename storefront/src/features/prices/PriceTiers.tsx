import { useTranslation } from 'react-i18next';
import type { Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import type { Basis, PriceTier } from './priceView';

/** «Цена от количества»: from N units, this unit price; the tier the buyer's price is from marked. */
export function PriceTiers({
  tiers,
  currentIndex,
  basis,
  currency,
  unit,
}: {
  tiers: readonly PriceTier[];
  currentIndex: number;
  basis: Basis;
  currency: string;
  unit: Unit;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="price-tiers" data-testid="price-tiers">
      <caption>{t('prices.tiers.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('prices.tiers.quantity')}</th>
          <th scope="col" className="price-tiers__price">
            {t(`prices.per.${unit}`)}, {basis === 'gross' ? t('prices.vatIncluded') : t('prices.vatExcluded')}
          </th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier, index) => {
          const current = index === currentIndex;
          return (
            <tr
              key={tier.minQuantity}
              className={current ? 'price-tiers__row--current' : undefined}
              aria-current={current ? 'true' : undefined}
            >
              <th scope="row">
                {t('prices.tiers.from', { quantity: format.quantity(tier.minQuantity, unit) })}
                {current && <span className="price-tiers__mark">{t('prices.tiers.current')}</span>}
              </th>
              <td className="price-tiers__price">
                {format.money(basis === 'gross' ? tier.gross : tier.net, currency)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
