/**
 * A dealer's markup over its purchase price, computed as the API's engine does
 * (price_rules/engine/amounts.py PriceFormula): round((price × factor) × (1 + percent/100)
 * + amount), half up (away from zero), to kopecks (CENT) or whole units (WHOLE). In exact
 * decimals (BigInt), so the example on the screen is the price a sub-dealer will see.
 */

export type MarkupRounding = 'CENT' | 'WHOLE';

export interface MarkupRule {
  factor: string;
  percent: string;
  amount: string;
  rounding: MarkupRounding;
}

/** The API's limits (price_rules/models.py ResaleMarkup.percent, engine PriceFormula.is_valid). */
export const PERCENT_MIN_EXCLUSIVE = -100;
export const PERCENT_DIGITS_BEFORE_POINT = 4;

interface Exact {
  value: bigint;
  scale: number;
}

function exact(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[2]}${fraction}`);
  return { value: match[1] === '-' ? -digits : digits, scale: fraction.length };
}

const TEN = BigInt(10);
const pow10 = (n: number) => TEN ** BigInt(n);

/** `numerator / denominator` (denominator > 0) rounded half away from zero to an integer. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < BigInt(0);
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * BigInt(2) + denominator) / (denominator * BigInt(2));
  return negative ? -rounded : rounded;
}

function format(value: bigint, scale: number): string {
  const negative = value < BigInt(0);
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = scale ? digits.slice(0, -scale) : digits;
  const fraction = scale ? `.${digits.slice(-scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The price a buyer pays for `purchase` under `rule`, as a decimal string ("1250.00"). */
export function applyMarkup(purchase: string, rule: MarkupRule): string {
  const price = exact(purchase);
  const factor = exact(rule.factor);
  const percent = exact(rule.percent);
  const amount = exact(rule.amount);
  // price × factor × (100 + percent) / 100 + amount over one common denominator.
  const hundred = BigInt(100) * pow10(percent.scale);
  let numerator = price.value * factor.value * (hundred + percent.value);
  let denominator = pow10(price.scale + factor.scale) * hundred;
  numerator = numerator * pow10(amount.scale) + amount.value * denominator;
  denominator = denominator * pow10(amount.scale);
  const places = rule.rounding === 'WHOLE' ? 0 : 2;
  return format(roundHalfUp(numerator * pow10(places), denominator) * pow10(2 - places), 2);
}

export type PercentProblem = 'required' | 'notNumber' | 'tooLow' | 'tooHigh' | 'tooPrecise';

/** What is wrong with a typed percentage ("25", "12,5", "-5"), by the API's rules; null if fine. */
export function percentProblem(text: string): PercentProblem | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('−', '-');
  if (compact === '') return 'required';
  const match = /^-?(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return 'notNumber';
  if (Number(compact) <= PERCENT_MIN_EXCLUSIVE) return 'tooLow';
  if ((match[1] ?? '').replace(/^0+(?=\d)/, '').length > PERCENT_DIGITS_BEFORE_POINT) return 'tooHigh';
  if ((match[2] ?? '').length > 3) return 'tooPrecise';
  return null;
}

/** A typed percentage as the API's decimal string ("12,5" → "12.5"). */
export function percentInput(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('−', '-');
}
