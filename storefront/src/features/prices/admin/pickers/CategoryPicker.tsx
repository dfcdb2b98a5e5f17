import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PriceCategoryOptionsDocument, type PriceCategoryOptionsQuery } from '../../../../gql/graphql';
import { SelectField } from '../../../../ui';

export interface PickedCategory {
  id: string;
  name: string;
}

type Row = NonNullable<NonNullable<PriceCategoryOptionsQuery['categories']['edges'][number]>['node']>;

/** The catalog's categories in tree order (each after its parent), with their depth. */
export function treeOrder(rows: readonly Row[]): Array<Row & { depth: number }> {
  const children = new Map<string | null, Row[]>();
  const known = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    // A parent outside the page (more than 100 categories) puts its child at the top.
    const parent = row.parent && known.has(row.parent.id) ? row.parent.id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: Array<Row & { depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push({ ...row, depth });
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

/**
 * One category of the catalog, chosen in a select indented as the tree is (a category
 * takes its subcategories with it, as promotions and floors read it). `value` null: none.
 */
export function CategoryPicker({
  label,
  value,
  onChange,
  error,
  exclude = [],
  placeholder,
}: {
  label: string;
  value: string | null;
  onChange: (category: PickedCategory | null) => void;
  error?: string | undefined;
  exclude?: string[];
  /** The option for no category, e.g. "All categories". */
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: PriceCategoryOptionsDocument });
  const categories = useMemo(
    () => treeOrder((result.data?.categories.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []))),
    [result.data],
  );
  const shown = categories.filter((category) => !exclude.includes(category.id) || category.id === value);
  return (
    <SelectField
      label={label}
      value={value ?? ''}
      error={error}
      disabled={result.fetching && categories.length === 0}
      onChange={(event) => {
        const chosen = categories.find((category) => category.id === event.target.value);
        onChange(chosen ? { id: chosen.id, name: chosen.name } : null);
      }}
      options={[
        { value: '', label: placeholder ?? t('prices.admin.pickers.categoryPlaceholder') },
        // Non-breaking spaces indent the options: a native select shows no other structure.
        ...shown.map((category) => ({ value: category.id, label: `${'\u00a0\u00a0'.repeat(category.depth)}${category.name}` })),
      ]}
    />
  );
}
