import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../api/errors';
import { Alert } from '../../ui';
import type { PlaceError } from './usePlaceOrder';

/** Refusals whose server message says what the code cannot (the credit check's reason). */
const WITH_REASON = new Set<string>(['CREDIT_REFUSED']);

/** The address's fields an error may name, as the form calls them. */
const FIELDS = { region: 'region', city: 'city', address: 'address', pickupWarehouse: 'pickupWarehouse' } as const;
type Field = keyof typeof FIELDS;

function fieldOf(error: PlaceError): Field | null {
  const name = (error.field ?? '').split('.').pop() ?? '';
  return name in FIELDS ? (name as Field) : null;
}

/** Errors that belong to one of the address's fields, said at the field. */
export function fieldErrors(t: TFunction, errors: PlaceError[]): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const error of errors) {
    const field = fieldOf(error);
    if (field && !result[field]) result[field] = describeProblem(t, { code: error.code, detail: error.message });
  }
  return result;
}

/** Why the order was not placed: each refusal in the interface's language, with the SKUs it names. */
export function PlaceErrors({ errors }: { errors: PlaceError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert tone="error" title={t('checkout.refused')}>
      <ul className="checkout__error-list" data-testid="place-errors">
        {errors.map((error, index) => (
          <li key={`${error.code}-${index}`} data-code={error.code}>
            {describeProblem(t, { code: error.code, detail: error.message })}
            {WITH_REASON.has(error.code) && error.message ? ` ${error.message}` : null}
            {error.skus?.length ? (
              <>
                {' '}
                <span className="sku">{error.skus.join(', ')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
