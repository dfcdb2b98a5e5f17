import { useTranslation } from 'react-i18next';
import type { CatalogAttributesQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Checkbox } from '../../ui';

type AttributeEdge = NonNullable<CatalogAttributesQuery['attributes']['edges'][number]>;
export type FilterAttribute = NonNullable<AttributeEdge['node']>;

export function attributeLabel(attribute: { name: string; unit: string }): string {
  return attribute.unit ? `${attribute.name}, ${attribute.unit}` : attribute.name;
}

/** One collapsible group of checkboxes per filterable attribute. */
export function AttributeFilters({
  attributes,
  selected,
  onToggle,
}: {
  attributes: FilterAttribute[];
  selected: Record<string, string[]>;
  onToggle: (attributeSlug: string, valueSlug: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="attribute-filters">
      {attributes.map((attribute) => {
        const chosen = selected[attribute.slug] ?? [];
        return (
          <details key={attribute.id} className="attribute-filters__group" open={chosen.length > 0 || undefined}>
            <summary>
              <span>{attributeLabel(attribute)}</span>
              {chosen.length > 0 && (
                <span className="attribute-filters__count">
                  {t('catalog.filters.chosen', { count: chosen.length })}
                </span>
              )}
            </summary>
            <fieldset>
              <legend className="ui-visually-hidden">{attributeLabel(attribute)}</legend>
              {attribute.values.map((value) => (
                <Checkbox
                  key={value.id}
                  label={format.valueName(value.name)}
                  checked={chosen.includes(value.slug)}
                  onChange={() => onToggle(attribute.slug, value.slug)}
                  data-attribute={attribute.slug}
                  data-value={value.slug}
                />
              ))}
            </fieldset>
          </details>
        );
      })}
    </div>
  );
}
