import { parseAmount } from '../../lib/formErrors';

/** An amount above zero with at most two decimals, as typed («1 500,50»). */
export function isPositiveAmount(value: string): boolean {
  const amount = parseAmount(value);
  return amount !== null && /^\d+(\.\d{1,2})?$/.test(amount) && Number(amount) > 0;
}
