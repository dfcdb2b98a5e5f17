import { useTranslation } from 'react-i18next';
import type { CatalogFacetsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Checkbox } from '../../ui';

export type Facet = CatalogFacetsQuery['productFacets'][number];

/** «Объём, л» / "Объём, l": the unit in the interface's language (`format.unitSymbol`). */
export function attributeLabel(
  attribute: { name: string; unit: string },
  unitSymbol: (unit: string) => string,
): string {
  return attribute.unit ? `${attribute.name}, ${unitSymbol(attribute.unit)}` : attribute.name;
}

/**
 * One collapsible group of checkboxes per attribute the results have (facets from the
 * API), each value with the number of products it finds; the API leaves out values that
 * find nothing, except chosen ones.
 */
export function AttributeFilters({
  facets,
  selected,
  onToggle,
  busy,
}: {
  facets: Facet[];
  selected: Record<string, string[]>;
  onToggle: (attributeSlug: string, valueSlug: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="attribute-filters" aria-busy={busy || undefined}>
      {facets.map(({ attribute, values }) => {
        const chosen = selected[attribute.slug] ?? [];
        return (
          <details key={attribute.id} className="attribute-filters__group" open={chosen.length > 0 || undefined}>
            <summary>
              <span>{attributeLabel(attribute, format.unitSymbol)}</span>
              {chosen.length > 0 && (
                <span className="attribute-filters__count">
                  {t('catalog.filters.chosen', { count: chosen.length })}
                </span>
              )}
            </summary>
            <fieldset>
              <legend className="ui-visually-hidden">{attributeLabel(attribute, format.unitSymbol)}</legend>
              {values.map(({ value, count }) => (
                <Checkbox
                  key={value.id}
                  label={
                    <>
                      {format.valueName(value.name)}{' '}
                      <span className="attribute-filters__value-count">
                        <span aria-hidden>{format.number(count)}</span>
                        <span className="ui-visually-hidden">
                          {t('catalog.filters.valueCount', { count, formatted: format.number(count) })}
                        </span>
                      </span>
                    </>
                  }
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
