import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PriceOrganizationSearchDocument } from '../../../../gql/graphql';
import { useDebouncedValue } from '../../../../lib/useDebouncedValue';
import { Spinner, TextField } from '../../../../ui';
import './organizationPickers.css';

export interface PickedOrganization {
  id: string;
  name: string;
  kind: string;
}

const MIN_SEARCH = 2;

/**
 * A search box over the organizations the viewer may see (name, legal name or INN) and the
 * matches to pick from. Picking calls `onPick` and clears the box; the host keeps and shows
 * what was picked. `exclude`: ids not to offer (already picked).
 */
export function OrganizationPicker({
  label,
  onPick,
  error,
  exclude = [],
}: {
  label: string;
  onPick: (organization: PickedOrganization) => void;
  error?: string | undefined;
  exclude?: string[] | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 300);
  // What is typed counts too: a pick clears the box, and the matches go with it at once.
  const searching = settled.length >= MIN_SEARCH && search.trim().length >= MIN_SEARCH;
  const [result] = useQuery({ query: PriceOrganizationSearchDocument, variables: { search: settled }, pause: !searching });
  const excluded = new Set(exclude);
  const found = searching ? (result.data?.organizations.edges ?? []).flatMap((e) => (e?.node && !excluded.has(e.node.id) ? [e.node] : [])) : [];
  const stale = searching && settled !== search.trim();

  const pick = (organization: PickedOrganization) => {
    onPick({ id: organization.id, name: organization.name, kind: organization.kind });
    setSearch('');
  };

  return (
    <div className="price-picker" data-testid="organization-picker">
      <TextField
        type="search"
        label={label}
        hint={t('prices.admin.pickers.organization.hint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        error={error}
        autoComplete="off"
      />
      {searching && result.fetching && !result.data && <Spinner label={t('prices.admin.pickers.organization.searching')} />}
      {searching && result.error && !result.fetching && (
        <p className="price-picker__note" role="alert">
          {t('prices.admin.pickers.organization.failed')}
        </p>
      )}
      {searching && result.data && !stale && found.length === 0 && (
        <p className="price-picker__note">{t('prices.admin.pickers.organization.none', { search: settled })}</p>
      )}
      {found.length > 0 && (
        <ul className="price-picker__found" aria-label={t('prices.admin.pickers.organization.found')}>
          {found.map((organization) => (
            <li key={organization.id}>
              <button
                type="button"
                className="price-picker__option"
                aria-label={t('prices.admin.pickers.organization.pick', { name: organization.name })}
                onClick={() => pick(organization)}
              >
                <span className="price-picker__name">{organization.name}</span>
                <span className="price-picker__meta">
                  {[t(`organizationKind.${organization.kind}`), organization.region, organization.inn && t('prices.admin.pickers.organization.inn', { inn: organization.inn })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
