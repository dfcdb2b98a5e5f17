/** Numbers, quantities, money and dates formatted for the interface language with Intl. */
import type { TFunction } from 'i18next';
import type { Unit } from '../gql/graphql';
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

/** A decimal string from the API ("412.50", "-3", "1e3" is no such string). */
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/**
 * An amount of money in its currency: "1 234,50 ₽" (ru) or "RUB 1,234.50" (en). A decimal
 * string from the API goes to Intl as it is (Intl reads it exactly), never through a float.
 */
export function formatMoney(
  language: string,
  amount: number | string | null | undefined,
  currency: string,
): string {
  const money = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency });
  if (typeof amount === 'string' && DECIMAL_STRING.test(amount)) return money.format(amount as `${number}`);
  const number = toNumber(amount);
  if (number === null) return '—';
  return money.format(number);
}

/** A percentage given in percent ("10" → "10 %" in ru, "10%" in en), read exactly. */
export function formatPercent(language: string, value: number | string | null | undefined): string {
  const percent = new Intl.NumberFormat(localeOf(language), { style: 'unit', unit: 'percent', maximumFractionDigits: 2 });
  if (typeof value === 'string' && DECIMAL_STRING.test(value)) return percent.format(value as `${number}`);
  const number = toNumber(value);
  return number === null ? '—' : percent.format(number);
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

/** Units Intl knows (it writes "0,9 л" / "0.9 l" itself); the others take i18next plurals. */
const INTL_UNITS = { M: 'meter', KG: 'kilogram', L: 'liter' } as const;

function isIntlUnit(unit: Unit): unit is keyof typeof INTL_UNITS {
  return unit in INTL_UNITS;
}

/**
 * A quantity of a product unit: "1 шт.", "6 pcs", "1 pc", "0,9 л", "0.9 l", "2 packs".
 * `t` gives the plural forms of `quantity.<UNIT>` for units Intl does not know.
 */
export function formatQuantity(
  language: string,
  t: TFunction,
  value: number | string | null | undefined,
  unit: Unit,
  maximumFractionDigits = 3,
): string {
  const number = toNumber(value);
  if (number === null) return '—';
  if (isIntlUnit(unit)) {
    return new Intl.NumberFormat(localeOf(language), {
      style: 'unit',
      unit: INTL_UNITS[unit],
      maximumFractionDigits,
    }).format(number);
  }
  return t(`quantity.${unit}`, {
    lng: language,
    count: number,
    formatted: formatNumber(language, number, maximumFractionDigits),
  });
}

/** Units written after numbers in catalog data ("0.9" + "л", "600×2000 мм"), as Intl names them. */
const MEASURE_UNITS: Record<string, string> = {
  мм: 'millimeter',
  см: 'centimeter',
  м: 'meter',
  км: 'kilometer',
  мл: 'milliliter',
  л: 'liter',
  г: 'gram',
  кг: 'kilogram',
  '%': 'percent',
};
const DECIMAL = String.raw`\d+(?:[.,]\d+)?`;
const MEASURE = new RegExp(`^(${DECIMAL})(?:\\s*[×x]\\s*(${DECIMAL}))?(?:\\s+(\\S+))?$`, 'u');

/**
 * A measured value from the catalog ("0.9" with unit "л", "0,4 кг", "600×2000 мм") in the
 * interface language: "0,9 л" / "0.9 l", "600 × 2000 mm". Text that is no measure (a
 * colour, "5W-30") and units Intl does not know come back as they are, numbers localized.
 */
export function formatMeasure(language: string, text: string, unit = ''): string {
  const match = MEASURE.exec(text.trim());
  if (!match) return unit ? `${text} ${unit}` : text;
  const [, first = '', second, inlineUnit] = match;
  const symbol = inlineUnit ?? unit;
  if (inlineUnit && unit) return `${text} ${unit}`;
  const read = (decimal: string) => Number(decimal.replace(',', '.'));
  const numbers = second === undefined ? [read(first)] : [read(first), read(second)];
  const intlUnit = MEASURE_UNITS[symbol];
  const locale = localeOf(language);
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false });
  if (!symbol) return numbers.map((n) => plain.format(n)).join(' × ');
  if (!intlUnit) return `${numbers.map((n) => plain.format(n)).join(' × ')} ${symbol}`;
  const withUnit = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: intlUnit,
    maximumFractionDigits: 3,
    useGrouping: false,
  });
  const last = numbers.length - 1;
  return numbers.map((n, i) => (i === last ? withUnit.format(n) : plain.format(n))).join(' × ');
}

/** A catalog unit on its own, e.g. in a heading «Объём, л»: "л" (ru) or "l" (en). */
export function formatUnitSymbol(language: string, unit: string): string {
  const intlUnit = MEASURE_UNITS[unit];
  if (!intlUnit) return unit;
  const parts = new Intl.NumberFormat(localeOf(language), { style: 'unit', unit: intlUnit }).formatToParts(2);
  return parts.find((part) => part.type === 'unit')?.value ?? unit;
}
