import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PriceGroupOptionsDocument } from '../../../../gql/graphql';
import { Checkbox, Spinner } from '../../../../ui';
import './organizationPickers.css';

export interface PickedPriceGroup {
  id: string;
  name: string;
}

/**
 * Checkboxes of the price groups the viewer may see; `value` holds the checked ids. A
 * checked id the viewer no longer sees stays in `value` (the host decides what to send).
 */
export function PriceGroupPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: PriceGroupOptionsDocument });
  const groups: PickedPriceGroup[] = (result.data?.priceGroups.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const checked = new Set(value);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));

  return (
    <fieldset className="price-picker price-picker--groups" data-testid="price-group-picker" aria-invalid={error ? true : undefined}>
      <legend className="ui-field__label">{label}</legend>
      {result.fetching && !result.data && <Spinner label={t('prices.admin.pickers.priceGroup.loading')} />}
      {result.error && !result.data && (
        <p className="price-picker__note" role="alert">
          {t('prices.admin.pickers.priceGroup.failed')}
        </p>
      )}
      {result.data && groups.length === 0 && <p className="price-picker__note">{t('prices.admin.pickers.priceGroup.none')}</p>}
      {groups.length > 0 && (
        <div className="price-picker__checks">
          {groups.map((group) => (
            <Checkbox key={group.id} label={group.name} checked={checked.has(group.id)} onChange={(e) => toggle(group.id, e.target.checked)} />
          ))}
        </div>
      )}
      {error && (
        <p className="ui-field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
