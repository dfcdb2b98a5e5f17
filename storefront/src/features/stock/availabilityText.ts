/** The one-line availability of a variant or a product, shared by the catalog's rows and cards. */
import type { TFunction } from 'i18next';
import type { AvailabilityPartsFragment, Unit } from '../../gql/graphql';
import type { useFormat } from '../../i18n/useFormat';
import { stockQuantityText } from './StockQuantityText';

export type AvailabilityTone = 'inStock' | 'expected' | 'none';

export function availabilityTone(availability: AvailabilityPartsFragment): AvailabilityTone {
  if (availability.inStock) return 'inStock';
  return availability.nextIncomingDate ? 'expected' : 'none';
}

/** «В наличии: больше 100» / «Под заказ, ожидается 12.12.2026» / «Нет в наличии». */
export function availabilityText(
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  availability: AvailabilityPartsFragment,
  unit: Unit | null,
): string {
  switch (availabilityTone(availability)) {
    case 'inStock':
      return unit
        ? t('availability.inStockAmount', { quantity: stockQuantityText(t, format, availability.available, unit) })
        : t('availability.inStock');
    case 'expected':
      return t('availability.expected', { date: format.date(availability.nextIncomingDate) });
    default:
      return t('availability.none');
  }
}
