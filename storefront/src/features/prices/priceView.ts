/**
 * What a buyer is shown of the viewer's prices (PRICE_CONTRACT): gross first when the seller
 * states prices with VAT, else net; the cheapest variant's price «от» when variants differ;
 * the list price struck out only when a promotion lowered it. Pure functions of the API's data.
 */
import type {
  PriceRangeFieldsFragment,
  PriceTierFieldsFragment,
  Unit,
  VariantPriceFieldsFragment,
} from '../../gql/graphql';
import { compareDecimal } from './decimal';

export type VariantPrice = VariantPriceFieldsFragment;
export type PriceRange = PriceRangeFieldsFragment;
export type PriceTier = PriceTierFieldsFragment;
export type Promotion = VariantPrice['promotions'][number];

/** Which of net and gross leads: what the seller's prices are stated in. */
export type Basis = 'gross' | 'net';

export function basisOf(price: { pricesIncludeVat: boolean }): Basis {
  return price.pricesIncludeVat ? 'gross' : 'net';
}

export interface ShownPrice {
  currency: string;
  basis: Basis;
  /** The unit price in the leading basis. */
  amount: string;
  /** The same price in the other basis (shown secondary on the product page). */
  otherAmount: string;
  /** The price before promotions, when they lowered it. */
  listAmount: string | null;
}

export function shownPrice(price: VariantPrice): ShownPrice {
  const basis = basisOf(price);
  const amount = basis === 'gross' ? price.gross : price.net;
  const listAmount = basis === 'gross' ? price.listGross : price.listNet;
  return {
    currency: price.currency,
    basis,
    amount,
    otherAmount: basis === 'gross' ? price.net : price.gross,
    listAmount: compareDecimal(listAmount, amount) > 0 ? listAmount : null,
  };
}

export function tierAmount(tier: PriceTier, basis: Basis): string {
  return basis === 'gross' ? tier.gross : tier.net;
}

/**
 * The tier the shown price belongs to: the one with the same unit price. The API's tiers
 * start at the quantity the price is for (the minimum order, which may sit inside a list's
 * lower tier: "from 1" in the list, "from 6" here), so the list tier in `minQuantity` need not
 * be among them; the amounts are the same either way, markup-rule prices included. -1: none.
 */
export function currentTierIndex(tiers: readonly PriceTier[], price: VariantPrice): number {
  return tiers.findIndex(
    (tier) => compareDecimal(tier.net, price.net) === 0 && compareDecimal(tier.gross, price.gross) === 0,
  );
}

const UNITS: readonly Unit[] = ['PCS', 'M', 'M2', 'M3', 'KG', 'L', 'PACK', 'SET'];

/** The unit the price is per: the list's unit of sale when it names one we know, else the variant's. */
export function priceUnit(price: VariantPrice, variantUnit: Unit): Unit {
  return UNITS.find((unit) => unit === price.unit) ?? variantUnit;
}

export interface ProductPriceSummary extends ShownPrice {
  /** Variants are priced differently: the amount is the lowest («от»). */
  from: boolean;
  /** The unit the lowest price is per. */
  unit: Unit;
  /** Names of the promotions applied to any variant, each once. */
  promotions: string[];
  hasPromotion: boolean;
}

/**
 * A catalog row's price: the cheapest variant's price at its minimum order quantity, «от»
 * when the product's range spans more than one price. Null when no variant has a price.
 */
export function summarizeProductPrice(
  range: PriceRange | null,
  variants: readonly { unit: Unit; price: VariantPrice | null }[],
): ProductPriceSummary | null {
  let cheapest: { shown: ShownPrice; unit: Unit } | null = null;
  for (const variant of variants) {
    if (!variant.price) continue;
    const shown = shownPrice(variant.price);
    if (!cheapest || compareDecimal(shown.amount, cheapest.shown.amount) < 0) {
      cheapest = { shown, unit: priceUnit(variant.price, variant.unit) };
    }
  }
  if (!cheapest) return null;
  const amounts = variants.flatMap((variant) => (variant.price ? [shownPrice(variant.price).amount] : []));
  const variantsDiffer = amounts.some((amount) => compareDecimal(amount, cheapest.shown.amount) !== 0);
  const rangeDiffers = range
    ? compareDecimal(cheapest.shown.basis === 'gross' ? range.minGross : range.minNet,
        cheapest.shown.basis === 'gross' ? range.maxGross : range.maxNet) !== 0
    : false;
  const promotions = [
    ...new Set(variants.flatMap((variant) => variant.price?.promotions.map((promotion) => promotion.name) ?? [])),
  ];
  return {
    ...cheapest.shown,
    unit: cheapest.unit,
    from: variantsDiffer || rangeDiffers,
    promotions,
    hasPromotion: promotions.length > 0 || Boolean(range?.hasPromotion),
  };
}
