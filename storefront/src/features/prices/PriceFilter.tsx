import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { Button, TextField } from '../../ui';
import { compareDecimal, parseDecimalInput } from './decimal';

export interface PriceBounds {
  min: string | null;
  max: string | null;
}

/** The currency's sign alone («₽», "RUB" in en-GB's way of writing it). */
export function currencySymbol(money: (amount: string, currency: string) => string, currency: string): string {
  return money('0', currency).replace(/[\d\s.,\u00a0\u202f-]/g, '') || currency;
}

/**
 * «Цена с НДС, ₽ от … до …»: the range of a product's lowest unit price with VAT (what the API
 * filters on, whichever way the seller states prices), applied
 * with the button or Enter; a bound that is no number or a minimum above the maximum is said
 * under the fields and not applied.
 */
export function PriceFilter({
  bounds,
  currency,
  onApply,
}: {
  bounds: PriceBounds;
  currency: string;
  onApply: (bounds: PriceBounds) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [min, setMin] = useState(bounds.min ?? '');
  const [max, setMax] = useState(bounds.max ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setMin(bounds.min ?? '');
    setMax(bounds.max ?? '');
    setProblem(null);
  }, [bounds.min, bounds.max]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = (text: string) => (text.trim() === '' ? null : parseDecimalInput(text));
    const next = { min: read(min), max: read(max) };
    if ((min.trim() && next.min === null) || (max.trim() && next.max === null)) {
      setProblem(t('prices.filter.invalid'));
      return;
    }
    if (next.min !== null && next.max !== null && compareDecimal(next.min, next.max) > 0) {
      setProblem(t('prices.filter.order'));
      return;
    }
    setProblem(null);
    onApply(next);
  };

  return (
    <form className="price-filter" onSubmit={submit} noValidate data-testid="price-filter">
      <h3 className="price-filter__title">{t('prices.filter.title', { currency: currencySymbol(format.money, currency) })}</h3>
      <div className="price-filter__fields">
        <TextField
          label={t('prices.filter.minLabel')}
          placeholder={t('prices.filter.min')}
          inputMode="decimal"
          autoComplete="off"
          value={min}
          onChange={(event) => setMin(event.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        <TextField
          label={t('prices.filter.maxLabel')}
          placeholder={t('prices.filter.max')}
          inputMode="decimal"
          autoComplete="off"
          value={max}
          onChange={(event) => setMax(event.target.value)}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      {problem && (
        <p className="price-filter__error" role="alert">
          {problem}
        </p>
      )}
      <div className="price-filter__actions">
        <Button type="submit" size="sm">
          {t('prices.filter.apply')}
        </Button>
        {(bounds.min !== null || bounds.max !== null) && (
          <Button type="button" size="sm" variant="ghost" onClick={() => onApply({ min: null, max: null })}>
            {t('prices.filter.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
