import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AnnouncementProductSearchDocument } from '../../gql/graphql';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Button, TextField } from '../../ui';

export interface PickedProduct {
  id: string;
  name: string;
  slug: string;
}

const MIN_SEARCH = 2;

/** Products found by the catalog's search, added to (and removed from) the announcement. */
export function ProductPicker({ value, onChange, error }: { value: PickedProduct[]; onChange: (products: PickedProduct[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 300);
  const [result] = useQuery({
    query: AnnouncementProductSearchDocument,
    variables: { search: settled },
    pause: settled.length < MIN_SEARCH,
  });
  const chosen = new Set(value.map((p) => p.id));
  const found = settled.length >= MIN_SEARCH ? (result.data?.products.edges ?? []).flatMap((e) => (e?.node && !chosen.has(e.node.id) ? [e.node] : [])) : [];

  return (
    <fieldset className="news-form__group">
      <legend>{t('announcements.form.products')}</legend>
      {value.length === 0 ? (
        <p className="news-muted">{t('announcements.form.noProducts')}</p>
      ) : (
        <ul className="news-chips" data-testid="picked-products">
          {value.map((product) => (
            <li key={product.id} className="news-chip">
              <span>{product.name}</span>
              <button type="button" aria-label={t('announcements.form.removeProduct', { name: product.name })} onClick={() => onChange(value.filter((p) => p.id !== product.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        type="search"
        label={t('announcements.form.productSearch')}
        hint={t('announcements.form.productSearchHint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        error={error}
      />
      {found.length > 0 && (
        <ul className="news-found">
          {found.map((product) => (
            <li key={product.id}>
              <Button size="sm" variant="ghost" aria-label={t('announcements.form.addProduct', { name: product.name })} onClick={() => onChange([...value, product])}>
                + {product.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
