/** Decimal strings from the API, read without floats (as prices/decimal.ts does). */

/** True when a decimal string is above zero ("0.01" yes; "0", "0.00", "-5" no). */
export function isPositive(amount: string): boolean {
  const text = amount.trim();
  if (text.startsWith('-')) return false;
  return /[1-9]/.test(text);
}
