/** Quantities typed on the stock screens, as the API takes them. */
import { parseDecimalInput } from '../prices/decimal';

/** A quantity typed by a person («1 250», "12,5") as the API's string; null when it is no number ≥ 0. */
export function parseQuantity(text: string): string | null {
  return parseDecimalInput(text);
}

/**
 * Whether setting on hand from `current` to `next` is a drop to confirm first: to zero from
 * something, or by half or more (a typo such as 10 for 100 is the usual cause).
 */
export function isBigDrop(current: string | null | undefined, next: string): boolean {
  const before = Number(current ?? 0);
  const after = Number(next);
  if (!(before > 0) || !(after < before)) return false;
  return after === 0 || (before - after) / before >= 0.5;
}

/** A signed decimal as text with its sign: "+5", "−3" (a true minus sign), "0". */
export function signed(text: string, formatted: string): string {
  const value = Number(text);
  if (value > 0) return `+${formatted}`;
  if (value < 0) return `−${formatted.replace(/^[-−]/, '')}`;
  return formatted;
}
