import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../../ui';

export interface ComboboxOption {
  id: string;
  /** The option's main text (a SKU, a list's name). */
  label: string;
  /** Text after it, muted (the variant's name, the list's currency). */
  detail?: string;
}

/**
 * A search box with a listbox of matches under it (the ARIA combobox pattern): typing asks the
 * host for matches, arrows move through them, Enter or a click picks one.
 */
export function SearchCombobox({
  label,
  value,
  onValueChange,
  options,
  loading,
  searched,
  onPick,
  error,
  hint,
}: {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: ComboboxOption[];
  loading: boolean;
  /** The search has settled long enough to have asked (so "nothing found" is true). */
  searched: boolean;
  onPick: (option: ComboboxOption) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(true);
  const listId = `${id}-list`;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const shown = open && value.trim() !== '';
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const pick = (option: ComboboxOption) => {
    onPick(option);
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && shown && options[current]) {
      event.preventDefault();
      pick(options[current]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className={['ui-field', 'price-combobox', error ? 'ui-field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <div className="ui-field__control">
        <input
          id={id}
          type="search"
          className="ui-input"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown && options.length > 0}
          aria-controls={listId}
          aria-activedescendant={shown && options[current] ? `${id}-option-${current}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {shown && loading && <Spinner size="sm" label={t('prices.admin.pickers.searching')} />}
      </div>
      {hint && (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="price-combobox__list" hidden={!shown || options.length === 0}>
        {shown &&
          options.map((option, index) => (
            <li
              key={option.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === current}
              className="price-combobox__option"
              // mousedown, not click: the input keeps its focus.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              <span className="price-combobox__label">{option.label}</span>
              {option.detail && <span className="price-combobox__detail">{option.detail}</span>}
            </li>
          ))}
      </ul>
      {shown && searched && !loading && options.length === 0 && (
        <p className="ui-field__hint" role="status">
          {t('prices.admin.pickers.nothingFound')}
        </p>
      )}
    </div>
  );
}
