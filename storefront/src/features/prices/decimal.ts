/**
 * Comparisons of the API's Decimal strings ("412.50", "6.000") without turning them into
 * floats: two prices that differ in the third decimal place stay different, and a price
 * shown struck out is never a rounding artefact.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parts(value: string): { negative: boolean; whole: string; fraction: string } {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a decimal: ${value}`);
  const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const zero = whole === '0' && fraction === '';
  return { negative: match[1] === '-' && !zero, whole, fraction };
}

function compareMagnitude(a: ReturnType<typeof parts>, b: ReturnType<typeof parts>): number {
  if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const left = a.fraction.padEnd(width, '0');
  const right = b.fraction.padEnd(width, '0');
  return left === right ? 0 : left < right ? -1 : 1;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` ("6.000" equals "6"). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const left = parts(a);
  const right = parts(b);
  if (left.negative !== right.negative) return left.negative ? -1 : 1;
  const magnitude = compareMagnitude(left, right);
  const signed = left.negative ? -magnitude : magnitude;
  return signed < 0 ? -1 : signed > 0 ? 1 : 0;
}

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/**
 * A decimal typed by a person («1 250,50», "1250.5") as the API's string ("1250.50" stays
 * "1250.50"); null when it is no number.
 */
export function parseDecimalInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  return compact;
}
