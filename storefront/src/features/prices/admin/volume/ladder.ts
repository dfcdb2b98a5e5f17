/** A volume discount's steps as one sentence: "от 300 000 ₽ — 3 %; от 1 000 000 ₽ — 5 %". */
import type { TFunction } from 'i18next';
import { compareDecimal } from '../../../prices/decimal';
import { formatPercent, localeOf } from '../../../../i18n/format';

/** A threshold in its currency, without kopecks when it is whole ("300 000 ₽"). */
export function thresholdMoney(language: string, amount: string, currency: string): string {
  const whole = /^\d+(\.0+)?$/.test(amount);
  const money = new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
  return money.format(amount as `${number}`);
}

export function ladderText(
  t: TFunction,
  language: string,
  currency: string,
  steps: ReadonlyArray<{ threshold: string; percent: string }>,
): string {
  return [...steps]
    .sort((a, b) => compareDecimal(a.threshold, b.threshold))
    .map((step) =>
      t('prices.admin.volume.ladderStep', {
        threshold: thresholdMoney(language, step.threshold, currency),
        percent: formatPercent(language, step.percent),
      }),
    )
    .join('; ');
}
