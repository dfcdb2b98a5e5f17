/** A page of entries (one row per tier) as variants with their tiers, and the editor's rows. */
import type { PriceListEntriesPageQuery, PriceListEntryRowInput, Unit } from '../../../../gql/graphql';
import { compareDecimal, parseDecimalInput } from '../../decimal';

type EntryNode = NonNullable<NonNullable<PriceListEntriesPageQuery['priceListEntries']['edges'][number]>['node']>;

export interface VariantTiers {
  /** The variant's ID (the group's key). */
  id: string;
  sku: string;
  name: string;
  productName: string;
  /** The variant's own unit (null: not known yet, a variant just picked). */
  unit: Unit | null;
  tiers: Array<{ id: string; minQuantity: string; price: string; unit: Unit | null }>;
}

/** Entries in the order the API sorts them (SKU, then minimum quantity), grouped per variant. */
export function groupByVariant(entries: ReadonlyArray<EntryNode>): VariantTiers[] {
  const groups = new Map<string, VariantTiers>();
  for (const entry of entries) {
    const variant = entry.variant;
    if (!variant) continue;
    let group = groups.get(variant.id);
    if (!group) {
      group = { id: variant.id, sku: variant.sku, name: variant.name, productName: variant.product.name, unit: variant.unit, tiers: [] };
      groups.set(variant.id, group);
    }
    group.tiers.push({ id: entry.id, minQuantity: entry.minQuantity, price: entry.price, unit: (entry.unit as Unit | null) || null });
  }
  return [...groups.values()];
}

/** A tier as typed in the row editor. */
export interface TierDraft {
  key: string;
  minQuantity: string;
  price: string;
  unit: Unit | '';
}

export type TierProblem = 'quantity' | 'price' | 'duplicate';

/** What is wrong with each typed tier (by key), before anything is sent. */
export function tierProblems(drafts: ReadonlyArray<TierDraft>): Map<string, TierProblem> {
  const problems = new Map<string, TierProblem>();
  const seen: string[] = [];
  for (const draft of drafts) {
    const quantity = parseDecimalInput(draft.minQuantity);
    const price = parseDecimalInput(draft.price);
    if (quantity === null || compareDecimal(quantity, '0') <= 0) problems.set(draft.key, 'quantity');
    else if (price === null || compareDecimal(price, '0') <= 0) problems.set(draft.key, 'price');
    else if (seen.some((q) => compareDecimal(q, quantity) === 0)) problems.set(draft.key, 'duplicate');
    if (quantity !== null) seen.push(quantity);
  }
  return problems;
}

/** The API's rows for a variant's typed tiers (checked by tierProblems first). */
export function tierRows(variantId: string, drafts: ReadonlyArray<TierDraft>): PriceListEntryRowInput[] {
  return drafts.map((draft) => ({
    variant: variantId,
    minQuantity: parseDecimalInput(draft.minQuantity) ?? draft.minQuantity,
    price: parseDecimalInput(draft.price) ?? draft.price,
    unit: draft.unit || null,
  }));
}
