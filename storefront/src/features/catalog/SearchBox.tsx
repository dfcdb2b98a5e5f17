import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_SEARCH_LENGTH } from './catalogParams';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

const TYPING_DELAY_MS = 250;

/**
 * Search over names and SKUs with results as you type: the query goes to the URL once the
 * typing pauses (or at once on Enter). A change of the URL from elsewhere (reset, back
 * button) updates the box.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  const inputRef = useRef<HTMLInputElement>(null);
  const debounced = useDebouncedValue(text, TYPING_DELAY_MS);

  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value;
      setText(value);
    }
  }, [value]);

  const push = (raw: string, force: boolean) => {
    const query = raw.trim();
    if (query === pushed.current) return;
    if (!force && query.length > 0 && query.length < MIN_SEARCH_LENGTH) return;
    pushed.current = query;
    onSearch(query);
  };

  // Only a settled change of the text searches; `push` is deliberately not a dependency.
  useEffect(() => {
    push(debounced, false);
  }, [debounced]);

  const tooShort = text.trim().length > 0 && text.trim().length < MIN_SEARCH_LENGTH;

  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        push(text, true);
      }}
    >
      <label htmlFor="catalog-search" className="ui-visually-hidden">
        {t('catalog.search.label')}
      </label>
      <svg className="search-box__icon" viewBox="0 0 20 20" aria-hidden focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        id="catalog-search"
        className="ui-input search-box__input"
        type="search"
        value={text}
        placeholder={t('catalog.search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="catalog-search-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
            push('', true);
          }
        }}
      />
      {text && (
        <button
          type="button"
          className="search-box__clear"
          onClick={() => {
            setText('');
            push('', true);
            inputRef.current?.focus();
          }}
        >
          <span aria-hidden>×</span>
          <span className="ui-visually-hidden">{t('catalog.search.clear')}</span>
        </button>
      )}
      <p id="catalog-search-hint" className={tooShort ? 'search-box__hint' : 'ui-visually-hidden'}>
        {tooShort ? t('catalog.search.tooShort', { count: MIN_SEARCH_LENGTH }) : t('catalog.search.hint')}
      </p>
    </form>
  );
}
