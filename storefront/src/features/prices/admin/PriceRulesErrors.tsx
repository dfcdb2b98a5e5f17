import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../api/errors';
import { Alert } from '../../../ui';
import './pickers/pickers.css';

export interface PriceRulesErrorLike {
  field?: string | null;
  code: string;
  message: string;
  skus?: ReadonlyArray<string> | null;
  organizationIds?: ReadonlyArray<string> | null;
}

/** SKUs listed in full up to this many; the rest are counted. */
export const SKUS_SHOWN = 20;

/** The errors no field of the form shows (no field, or a field the form lacks). */
export function errorsBeyondFields<E extends PriceRulesErrorLike>(errors: ReadonlyArray<E>, fields: ReadonlyArray<string>): E[] {
  return errors.filter((error) => !error.field || !fields.includes(error.field));
}

/**
 * A price rules refusal for a person: an alert per error, its code's message (or the
 * screen's own sentence through `explain`), the SKUs it is about (a MAP floor refusal names
 * every price below the floor: the first 20 and a count), and the organizations a subtree
 * refusal is about, by the `names` the screen knows (the API gives their ids).
 */
export function PriceRulesErrors<E extends PriceRulesErrorLike>({
  errors,
  names = {},
  explain,
}: {
  errors: ReadonlyArray<E>;
  names?: Readonly<Record<string, string>>;
  explain?: (error: E) => string | null;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="price-errors">
      {errors.map((error, index) => {
        const skus = error.skus ?? [];
        const organizations = (error.organizationIds ?? []).map((id) => names[id] ?? t('prices.admin.refusals.unknownOrganization'));
        const described = explain?.(error) ?? describeProblem(t, { code: error.code, detail: error.message });
        return (
          <Alert key={`${error.code}-${index}`} tone="error" title={described}>
            {/* The server's words add detail, except where they only list the SKUs shown below. */}
            {skus.length === 0 && error.message && error.message !== described && <p>{error.message}</p>}
            {organizations.length > 0 && (
              <p>{t('prices.admin.refusals.organizations', { count: organizations.length, names: organizations.join(', ') })}</p>
            )}
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
