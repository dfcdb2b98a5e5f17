/**
 * What is left to a money threshold, from the API's Decimal strings, in kopecks (integers):
 * «Добавьте ещё на 1 250,50 ₽» is never a float's rounding.
 */
function toCents(value: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = (match[3] ?? '').padEnd(2, '0').slice(0, 2);
  const cents = BigInt(match[2]!) * 100n + BigInt(fraction);
  return match[1] === '-' ? -cents : cents;
}

/** `threshold − amount` as a Decimal string, or null when nothing is left (or either is no number). */
export function amountLeft(threshold: string, amount: string): string | null {
  const a = toCents(threshold);
  const b = toCents(amount);
  if (a === null || b === null || a <= b) return null;
  const left = a - b;
  return `${left / 100n}.${String(left % 100n).padStart(2, '0')}`;
}
