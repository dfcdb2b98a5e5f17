import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { SkuSuggestionsDocument, type SkuSuggestionsQuery } from '../../gql/graphql';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useBuyerArgument } from '../checkout/orderBuyer';

export type SkuSuggestionItem = SkuSuggestionsQuery['skuSuggestions'][number];

const MIN_LENGTH = 2;
const DELAY_MS = 250;

/**
 * A SKU typed with the buyer's SKUs suggested as one types (a combobox: ↑ and ↓ move through
 * them, Enter takes one, Escape closes the list). Asks the API once typing pauses.
 */
export function SkuSuggest({ onPick }: { onPick: (item: SkuSuggestionItem) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(text.trim(), DELAY_MS);
  const buyer = useBuyerArgument();
  const [result] = useQuery({ query: SkuSuggestionsDocument, variables: { buyer, query }, pause: query.length < MIN_LENGTH });
  const items = query.length >= MIN_LENGTH && result.data?.skuSuggestions ? result.data.skuSuggestions : [];
  const shown = open && items.length > 0;

  const pick = (item: SkuSuggestionItem) => {
    onPick(item);
    setText('');
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="sku-suggest ui-field">
      <label htmlFor={inputId} className="ui-field__label">
        {t('cart.quickOrder.findSku')}
      </label>
      <input
        id={inputId}
        className="ui-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="KR-FAS"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && items.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index + 1) % items.length);
          } else if (event.key === 'ArrowUp' && items.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
          } else if (event.key === 'Enter' && shown && active >= 0) {
            event.preventDefault();
            pick(items[active]!);
          } else if (event.key === 'Escape' && shown) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" className="sku-suggest__list" aria-label={t('cart.quickOrder.suggestions')} hidden={!shown}>
        {shown &&
          items.map((item, index) => (
            <li
              key={item.variant.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="sku-suggest__option"
              // Taken on mousedown: a click would first blur the input and close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(item);
              }}
            >
              <span className="sku">{item.sku}</span>
              <span className="sku-suggest__name">{item.name}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
