/** Numbers, quantities, money and dates formatted for the interface language with Intl. */
import type { Language } from './index';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export function localeOf(language: string): string {
  return LOCALES[language as Language] ?? LOCALES.ru;
}

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A decimal from the API ("6.000") as "6", "1,415" (ru) or "1.415" (en); "—" when absent. */
export function formatNumber(
  language: string,
  value: number | string | null | undefined,
  maximumFractionDigits = 3,
): string {
  const number = toNumber(value);
  if (number === null) return '—';
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(number);
}

/** An amount of money in its currency: "1 234,50 ₽" (ru) or "RUB 1,234.50" (en). */
export function formatMoney(
  language: string,
  amount: number | string | null | undefined,
  currency: string,
): string {
  const number = toNumber(amount);
  if (number === null) return '—';
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }).format(number);
}

/** A calendar date: "22.11.2026" (ru) or "22/11/2026" (en). */
export function formatDate(language: string, iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short' }).format(date);
}

/** A moment: date and time in the user's time zone. */
export function formatDateTime(language: string, iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}
