/** How the product page writes attribute values and names variants, in the interface language. */
import type { useFormat } from '../../i18n/useFormat';
import type { AttributeValues, Variant } from './productTypes';

type Format = ReturnType<typeof useFormat>;

/** "акриловая", "0,9 л" / "0.9 l": the values of one attribute with its unit. */
export function valuesText(format: Format, attribute: Pick<AttributeValues, 'attribute' | 'values'>): string {
  const { unit } = attribute.attribute;
  return attribute.values.map((value) => format.measure(value.name, unit)).join(', ');
}

/**
 * A variant's short name for choosing it: its name from the catalog ("0,9 л", "600×2000 мм"),
 * with any measure in it written as the interface language writes numbers and units.
 */
export function variantLabel(format: Format, variant: Pick<Variant, 'name' | 'sku'>): string {
  return variant.name ? format.valueName(variant.name) : variant.sku;
}
