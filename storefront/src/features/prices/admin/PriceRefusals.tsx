import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../api/errors';
import { Alert } from '../../../ui';

export interface PriceRefusal {
  field?: string | null;
  code: string;
  message: string;
  organizationIds?: ReadonlyArray<string> | null;
}

/**
 * Refusals of the assignment, group and markup screens, in the interface language: each
 * code's sentence (a screen may say it its own way through `explain`), and the organizations
 * a subtree refusal is about, by the names the screen knows (the API gives their ids).
 */
export function PriceRefusals({
  errors,
  names = {},
  explain,
}: {
  errors: ReadonlyArray<PriceRefusal>;
  names?: Readonly<Record<string, string>>;
  explain?: (error: PriceRefusal) => string | null;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="price-refusals">
      {errors.map((error, index) => {
        const organizations = (error.organizationIds ?? []).map((id) => names[id] ?? t('prices.admin.refusals.unknownOrganization'));
        return (
          <Alert key={`${error.code}-${index}`} tone="error" title={explain?.(error) ?? describeProblem(t, { code: error.code, detail: error.message })}>
            {organizations.length > 0 && <p>{t('prices.admin.refusals.organizations', { count: organizations.length, names: organizations.join(', ') })}</p>}
          </Alert>
        );
      })}
    </div>
  );
}
