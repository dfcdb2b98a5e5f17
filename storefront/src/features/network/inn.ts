/**
 * Russian taxpayer numbers (ИНН): 10 digits for a company, 12 for an individual
 * entrepreneur, with check digits. The server verifies them too; this gives a hint while
 * typing and lets tests make valid numbers.
 */

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return (sum % 11) % 10;
}

export type InnProblem = 'empty' | 'notDigits' | 'length' | 'checksum';

/** What is wrong with an INN, or null when it is valid. Spaces are ignored. */
export function innProblem(value: string): InnProblem | null {
  const inn = value.replace(/\s+/g, '');
  if (inn === '') return 'empty';
  if (!/^\d+$/.test(inn)) return 'notDigits';
  const digits = [...inn].map(Number);
  if (digits.length === 10) {
    return checkDigit(digits, WEIGHTS_10) === digits[9] ? null : 'checksum';
  }
  if (digits.length === 12) {
    const ok = checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
    return ok ? null : 'checksum';
  }
  return 'length';
}

export function isValidInn(value: string): boolean {
  return innProblem(value) === null;
}

/** A valid 10-digit company INN that starts with the given 9 digits. */
export function companyInn(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new Error('companyInn needs exactly 9 digits');
  const digits = [...first9].map(Number);
  return first9 + String(checkDigit(digits, WEIGHTS_10));
}

/** A valid 12-digit entrepreneur INN that starts with the given 10 digits. */
export function personInn(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new Error('personInn needs exactly 10 digits');
  const digits = [...first10].map(Number);
  const eleventh = checkDigit(digits, WEIGHTS_11);
  const twelfth = checkDigit([...digits, eleventh], WEIGHTS_12);
  return `${first10}${eleventh}${twelfth}`;
}

/** KPP (код причины постановки на учёт): 4 digits, 2 digits or capital letters, 3 digits. */
export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value.trim().toUpperCase());
}
