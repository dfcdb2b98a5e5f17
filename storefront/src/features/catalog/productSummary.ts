/** Figures a product row shows about its variants. */
import type { Unit } from '../../gql/graphql';

export interface VariantFigures {
  sku: string;
  unit: Unit;
  packSize: string;
  minOrderQuantity: string;
}

export interface ProductFigures {
  firstSku: string | null;
  otherSkus: number;
  /** The smallest minimum order quantity and its unit. */
  minOrder: { quantity: string; unit: Unit } | null;
  /** The distinct units the variants are sold in. */
  units: Unit[];
}

export function summarizeVariants(variants: readonly VariantFigures[]): ProductFigures {
  let minOrder: ProductFigures['minOrder'] = null;
  for (const variant of variants) {
    if (!minOrder || Number(variant.minOrderQuantity) < Number(minOrder.quantity)) {
      minOrder = { quantity: variant.minOrderQuantity, unit: variant.unit };
    }
  }
  return {
    firstSku: variants[0]?.sku ?? null,
    otherSkus: Math.max(variants.length - 1, 0),
    minOrder,
    units: [...new Set(variants.map((v) => v.unit))],
  };
}
