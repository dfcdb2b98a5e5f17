import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PriceListSearchDocument } from '../../../../gql/graphql';
import { useDebouncedValue } from '../../../../lib/useDebouncedValue';
import { Button } from '../../../../ui';
import { SearchCombobox } from './SearchCombobox';
import './pickers.css';

export interface PickedPriceList {
  id: string;
  name: string;
  currency: string;
}

const SEARCH_DELAY_MS = 300;

/** One of the price lists the viewer may see, found by name; the chosen one shows with a way to clear it. */
export function PriceListPicker({
  label,
  value,
  onChange,
  error,
  exclude = [],
}: {
  label: string;
  value: PickedPriceList | null;
  onChange: (list: PickedPriceList | null) => void;
  error?: string;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [result] = useQuery({ query: PriceListSearchDocument, variables: { search: settled }, pause: value !== null || settled === '' });
  const skip = new Set(exclude);
  const lists = settled === '' ? [] : (result.data?.priceLists.edges ?? []).flatMap((e) => (e?.node && !skip.has(e.node.id) ? [e.node] : []));

  if (value) {
    return (
      <div className={['ui-field', error ? 'ui-field--invalid' : ''].filter(Boolean).join(' ')}>
        <span className="ui-field__label">{label}</span>
        <div className="price-picked">
          <span>
            {value.name} <span className="price-combobox__detail">{value.currency}</span>
          </span>
          <Button size="sm" variant="ghost" aria-label={t('prices.admin.pickers.clearList', { name: value.name })} onClick={() => onChange(null)}>
            {t('prices.admin.pickers.change')}
          </Button>
        </div>
        {error && (
          <p className="ui-field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <SearchCombobox
      label={label}
      hint={t('prices.admin.pickers.listHint')}
      value={search}
      onValueChange={setSearch}
      options={lists.map((list) => ({ id: list.id, label: list.name, detail: list.currency }))}
      loading={settled !== '' && result.fetching}
      searched={settled !== '' && settled === search.trim()}
      error={error}
      onPick={(option) => {
        const list = lists.find((l) => l.id === option.id);
        if (list) onChange({ id: list.id, name: list.name, currency: list.currency });
        setSearch('');
      }}
    />
  );
}
