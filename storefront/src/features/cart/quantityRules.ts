/**
 * The cart's quantity rules, as backend/checkout/services/quantities.py states them: at least
 * the minimum, a multiple of the step, whole units for pieces, packs and sets, at most three
 * decimals. Quantities are counted in thousandths (integers), never as floats, so 0.3 × 3 is
 * 0.9 and the nearest valid quantity the screen offers is the one the API would name.
 */
import type { Unit } from '../../gql/graphql';
import { parseDecimalInput } from '../prices/decimal';

export const WHOLE_UNITS: ReadonlySet<Unit> = new Set<Unit>(['PCS', 'PACK', 'SET']);
const SCALE = 1000;
const LARGEST = 10 ** 11 * SCALE;

export interface QuantityRulesInput {
  minimum: string;
  step: string;
  unit: Unit;
}

export type QuantityProblemCode = 'INVALID_QUANTITY' | 'FRACTIONAL_QUANTITY' | 'BELOW_MINIMUM' | 'NOT_MULTIPLE';

export interface QuantityProblem {
  code: QuantityProblemCode;
  /** The valid quantity nearest to what was typed; null when nothing was (not a number). */
  nearest: string | null;
}

/** Thousandths of a decimal string ("12.5" → 12500); null when it has more than three decimals or is no number. */
function toMilli(value: string): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 3) return null;
  return Number(match[1]) * SCALE + Number(fraction.padEnd(3, '0'));
}

/** "12.5", "12", "0.125": the API's Decimal input, without trailing zeros. */
function fromMilli(milli: number): string {
  const whole = Math.floor(milli / SCALE);
  const fraction = String(milli % SCALE).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The rules of a catalog variant (its minimum order and order multiple). */
export function variantRules(variant: { minOrderQuantity: string; orderMultiple: string; unit: Unit }): QuantityRulesInput {
  return { minimum: variant.minOrderQuantity, step: variant.orderMultiple, unit: variant.unit };
}

interface Milli {
  minimum: number;
  step: number;
}

function milliRules(rules: QuantityRulesInput): Milli {
  let step = toMilli(rules.step) ?? SCALE;
  if (step <= 0) step = SCALE;
  // A whole-unit item's step is whole, as the API rounds it up.
  if (WHOLE_UNITS.has(rules.unit) && step % SCALE) step = Math.ceil(step / SCALE) * SCALE;
  // The first multiple of the step from the minimum order on: 1.5 pieces in steps of 1 is 2.
  const minimum = step * Math.max(1, Math.ceil((toMilli(rules.minimum) ?? 0) / step));
  return { minimum, step };
}

function nearestMilli(rules: Milli, quantity: number): number {
  // Half a step rounds up: 15 of a multiple of 10 is more likely meant as 20 than 10.
  const steps = Math.floor(quantity / rules.step + 0.5);
  return Math.max(rules.minimum, steps * rules.step);
}

/** The step quantities go by (a whole-unit item's rounded up to whole units). */
export function stepQuantity(rules: QuantityRulesInput): string {
  return fromMilli(milliRules(rules).step);
}

/** The smallest quantity that may be ordered. */
export function minimumQuantity(rules: QuantityRulesInput): string {
  return fromMilli(milliRules(rules).minimum);
}

/**
 * Why `text` (as a person typed it: «12», «10,5», «1 000») cannot be ordered, with the
 * nearest quantity that can; null when it can.
 */
export function quantityProblem(rules: QuantityRulesInput, text: string): QuantityProblem | null {
  const milli = milliRules(rules);
  const parsed = parseDecimalInput(text);
  if (parsed === null) return { code: 'INVALID_QUANTITY', nearest: null };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(parsed)!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  // More than three decimals: the nearest is taken from the value cut to three.
  const quantity = Number(match[1]) * SCALE + Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (quantity <= 0 || quantity >= LARGEST) return { code: 'INVALID_QUANTITY', nearest: quantity > 0 ? null : fromMilli(milli.minimum) };
  const nearest = fromMilli(nearestMilli(milli, quantity));
  if (fraction.length > 3) return { code: 'INVALID_QUANTITY', nearest };
  if (WHOLE_UNITS.has(rules.unit) && quantity % SCALE) return { code: 'FRACTIONAL_QUANTITY', nearest };
  if (quantity < milli.minimum) return { code: 'BELOW_MINIMUM', nearest: fromMilli(milli.minimum) };
  if (quantity % milli.step) return { code: 'NOT_MULTIPLE', nearest };
  return null;
}

/** `text` as the API's Decimal when it may be ordered, else null. */
export function validQuantity(rules: QuantityRulesInput, text: string): string | null {
  if (quantityProblem(rules, text) !== null) return null;
  return fromMilli(toMilli(parseDecimalInput(text)!)!);
}

/** One step up from `text`: from a quantity that breaks the rules, the next valid one above it. */
export function stepUp(rules: QuantityRulesInput, text: string): string {
  const milli = milliRules(rules);
  const current = toMilli(parseDecimalInput(text) ?? '') ?? 0;
  if (current < milli.minimum) return fromMilli(milli.minimum);
  const next = (Math.floor(current / milli.step) + 1) * milli.step;
  return fromMilli(Math.min(next, LARGEST - milli.step));
}

/** One step down from `text`, never below the minimum. */
export function stepDown(rules: QuantityRulesInput, text: string): string {
  const milli = milliRules(rules);
  const current = toMilli(parseDecimalInput(text) ?? '') ?? 0;
  const previous = current % milli.step ? Math.floor(current / milli.step) * milli.step : current - milli.step;
  return fromMilli(Math.max(milli.minimum, previous));
}

/** Whether a step down is possible from `text`. */
export function canStepDown(rules: QuantityRulesInput, text: string): boolean {
  const current = toMilli(parseDecimalInput(text) ?? '');
  return current !== null && current > milliRules(rules).minimum;
}
