import { useTranslation } from 'react-i18next';
import type { CheckoutErrorPartsFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert } from '../../ui';
import type { CombinedError } from 'urql';
import { describeProblem, problemOf } from '../../api/errors';

/** One sentence for an API refusal: the code's message, the SKUs it names, the nearest valid quantity. */
export function useCheckoutErrorText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (error: CheckoutErrorPartsFragment, unit?: Unit) => {
    const parts = [t(`errors.${error.code}`)];
    if (error.skus && error.skus.length > 0) parts.push(t('cart.errors.skus', { skus: error.skus.join(', ') }));
    if (error.nearestQuantity) {
      const quantity = unit ? format.quantity(error.nearestQuantity, unit) : format.number(error.nearestQuantity);
      parts.push(t('cart.errors.nearest', { quantity }));
    }
    if (error.suggestions && error.suggestions.length > 0) {
      parts.push(t('cart.errors.suggestions', { skus: error.suggestions.join(', ') }));
    }
    return parts.join(' ');
  };
}

/** A cart mutation's refusals (or its failure to reach the API), one alert each. */
export function CheckoutErrors({
  errors,
  error,
  unit,
}: {
  errors?: ReadonlyArray<CheckoutErrorPartsFragment> | null | undefined;
  error?: CombinedError | undefined;
  unit?: Unit;
}) {
  const { t } = useTranslation();
  const text = useCheckoutErrorText();
  if (error) return <Alert tone="error">{describeProblem(t, problemOf(error))}</Alert>;
  if (!errors || errors.length === 0) return null;
  return (
    <div className="cart-errors" data-testid="cart-errors">
      {errors.map((item, index) => (
        <Alert key={`${item.code}-${index}`} tone="error">
          {text(item, unit)}
        </Alert>
      ))}
    </div>
  );
}
