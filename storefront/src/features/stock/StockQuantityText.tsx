import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StockQuantityPartsFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import './stock.css';

/** A quantity as the viewer may know it: the exact one (from a string, never a float), or a band. */
export function stockQuantityText(
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  quantity: StockQuantityPartsFragment,
  unit: Unit,
): string {
  if (quantity.exact !== null && quantity.exact !== undefined) {
    return quantity.inStock && Number(quantity.exact) > 0 ? format.quantity(quantity.exact, unit) : t('availability.band.NONE');
  }
  return t(`availability.band.${quantity.band}`);
}

/**
 * One way to show a StockQuantity everywhere: «12 шт.», «0,9 л» when the warehouse shows exact
 * figures to this viewer, else its band («мало», «больше 100»); nothing in stock is «нет».
 */
export function StockQuantityText({ quantity, unit }: { quantity: StockQuantityPartsFragment; unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className={quantity.inStock ? 'stock-quantity' : 'stock-quantity stock-quantity--none'}>
      {stockQuantityText(t, format, quantity, unit)}
    </span>
  );
}
