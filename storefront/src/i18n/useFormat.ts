import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../gql/graphql';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Formatters bound to the current interface language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      number: (value: number | string | null | undefined, digits?: number) =>
        formatNumber(language, value, digits),
      money: (amount: number | string | null | undefined, currency: string) =>
        formatMoney(language, amount, currency),
      date: (iso: string | Date | null | undefined) => formatDate(language, iso),
      dateTime: (iso: string | Date | null | undefined) => formatDateTime(language, iso),
      /** "6 шт." / "6 pcs" */
      quantity: (value: number | string | null | undefined, unit: Unit) =>
        `${formatNumber(language, value)} ${t(`units.${unit}`)}`,
      unit: (unit: Unit) => t(`units.${unit}`),
      /** An attribute value's name; numeric ones ("0.9") in the locale's way ("0,9"). */
      valueName: (name: string) => (NUMERIC.test(name) ? formatNumber(language, name) : name),
    }),
    [language, t],
  );
}
