import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PriceVariantSearchDocument, type PriceVariantSearchQuery } from '../../../../gql/graphql';
import { useDebouncedValue } from '../../../../lib/useDebouncedValue';
import { SearchCombobox, type ComboboxOption } from './SearchCombobox';
import './pickers.css';

export interface PickedVariant {
  id: string;
  sku: string;
  name: string;
  productName: string;
}

const MIN_SEARCH = 2;
const SEARCH_DELAY_MS = 300;

/**
 * The variants of the products the catalog's search finds; of a product, only the variants
 * whose SKU or name holds the search when some do (a SKU search offers that one variant).
 */
export function variantMatches(data: PriceVariantSearchQuery | undefined, search: string, exclude: readonly string[] = []): PickedVariant[] {
  const needle = search.toLocaleLowerCase();
  const skip = new Set(exclude);
  const found: PickedVariant[] = [];
  for (const edge of data?.products.edges ?? []) {
    const product = edge?.node;
    if (!product) continue;
    const variants = product.variants.filter((v) => !skip.has(v.id));
    const matching = variants.filter((v) => v.sku.toLocaleLowerCase().includes(needle) || v.name.toLocaleLowerCase().includes(needle));
    for (const variant of matching.length > 0 ? matching : variants) {
      found.push({ id: variant.id, sku: variant.sku, name: variant.name, productName: product.name });
    }
  }
  return found;
}

/** A search for a variant by SKU or name; picking one hands it to the host and clears the box. */
export function VariantPicker({
  label,
  onPick,
  error,
  exclude = [],
}: {
  label: string;
  onPick: (variant: PickedVariant) => void;
  error?: string;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const asked = settled.length >= MIN_SEARCH;
  const [result] = useQuery({ query: PriceVariantSearchDocument, variables: { search: settled }, pause: !asked });
  const variants = asked ? variantMatches(result.data, settled, exclude) : [];
  const options: ComboboxOption[] = variants.map((v) => ({
    id: v.id,
    label: v.sku,
    detail: v.name && v.name !== v.productName ? `${v.productName} · ${v.name}` : v.productName,
  }));

  return (
    <SearchCombobox
      label={label}
      hint={t('prices.admin.pickers.variantHint')}
      value={search}
      onValueChange={setSearch}
      options={options}
      loading={asked && result.fetching}
      searched={asked && settled === search.trim()}
      error={error}
      onPick={(option) => {
        const variant = variants.find((v) => v.id === option.id);
        if (variant) onPick(variant);
        setSearch('');
      }}
    />
  );
}
