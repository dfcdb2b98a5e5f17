import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../gql/graphql';
import {
  formatDate,
  formatDateTime,
  formatMeasure,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatUnitSymbol,
} from './format';

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
      /** "10 %" / "10%" from a percentage such as "10" */
      percent: (value: number | string | null | undefined) => formatPercent(language, value),
      date: (iso: string | Date | null | undefined) => formatDate(language, iso),
      dateTime: (iso: string | Date | null | undefined) => formatDateTime(language, iso),
      /** "6 шт." / "1 pc" / "6 pcs" / "0.9 l" */
      quantity: (value: number | string | null | undefined, unit: Unit, digits?: number) =>
        formatQuantity(language, t, value, unit, digits),
      unit: (unit: Unit) => t(`units.${unit}`),
      /** An attribute value's name; measures ("0.9", "0,4 кг") in the locale's way. */
      valueName: (name: string) => formatMeasure(language, name),
      /** An attribute value with the attribute's unit: "0,9 л" / "0.9 l". */
      measure: (name: string, unit: string) => formatMeasure(language, name, unit),
      /** A catalog unit alone ("л" / "l"), e.g. after an attribute's name. */
      unitSymbol: (unit: string) => formatUnitSymbol(language, unit),
    }),
    [language, t],
  );
}
