import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../api/errors';
import { Alert } from '../../../ui';
import './pickers/pickers.css';

export interface PriceRulesErrorLike {
  field?: string | null;
  code: string;
  message: string;
  skus?: ReadonlyArray<string> | null;
}

/** SKUs listed in full up to this many; the rest are counted. */
export const SKUS_SHOWN = 20;

/** The errors no field of the form shows (no field, or a field the form lacks). */
export function errorsBeyondFields<E extends PriceRulesErrorLike>(errors: ReadonlyArray<E>, fields: ReadonlyArray<string>): E[] {
  return errors.filter((error) => !error.field || !fields.includes(error.field));
}

/**
 * A price rules refusal for a person: an alert per error, its code's message, and the SKUs it
 * is about (a MAP floor refusal names every price below the floor: the first 20 and a count).
 */
export function PriceRulesErrors({ errors }: { errors: ReadonlyArray<PriceRulesErrorLike> }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="price-errors">
      {errors.map((error, index) => {
        const skus = error.skus ?? [];
        const described = describeProblem(t, { code: error.code, detail: error.message });
        return (
          <Alert key={`${error.code}-${index}`} tone="error" title={described}>
            {error.message && error.message !== described && <p>{error.message}</p>}
            {skus.length > 0 && (
              <>
                <p>{t('prices.admin.errors.skus', { count: skus.length })}</p>
                <ul className="price-errors__skus" aria-label={t('prices.admin.errors.skusLabel')}>
                  {skus.slice(0, SKUS_SHOWN).map((sku) => (
                    <li key={sku}>{sku}</li>
                  ))}
                </ul>
                {skus.length > SKUS_SHOWN && <p>{t('prices.admin.errors.moreSkus', { count: skus.length - SKUS_SHOWN })}</p>}
              </>
            )}
          </Alert>
        );
      })}
    </div>
  );
}
