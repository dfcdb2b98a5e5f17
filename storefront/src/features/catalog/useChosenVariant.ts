import { useCallback, useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { Variant } from './productTypes';

export const VARIANT_PARAM = 'variant';

/**
 * The variant the visitor chose, kept in the address (`?variant=SKU`) so a link or a reload
 * opens the same one; the first variant when none (or an unknown SKU) is named.
 */
export function useChosenVariant(variants: Variant[]): [Variant | undefined, (sku: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const named = searchParams.get(VARIANT_PARAM);
  // Held here as well: the router applies the new address in a transition, and a radio button
  // bound to the address alone would spring back until then.
  const [sku, setSku] = useState(named);
  useEffect(() => setSku(named), [named]);
  const chosen = variants.find((variant) => variant.sku === sku) ?? variants[0];
  const choose = useCallback(
    (next: string) => {
      setSku(next);
      setSearchParams(
        (params) => {
          const updated = new URLSearchParams(params);
          updated.set(VARIANT_PARAM, next);
          return updated;
        },
        // Choosing is no new page: Back leaves the product, and "back to results" still works.
        { replace: true, state: location.state, preventScrollReset: true },
      );
    },
    [setSearchParams, location.state],
  );
  return [chosen, choose];
}
