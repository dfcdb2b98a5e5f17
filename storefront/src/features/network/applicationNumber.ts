import type { TFunction } from 'i18next';

/** Digits of an application's number, zero-padded as staff read them out: 42 → "000042". */
export function numberDigits(number: number): string {
  return String(number).padStart(6, '0');
}

/** «З-000042» (ru) or «A-000042» (en): the prefix is the reader's; the queue's search takes either, or the digits. */
export function applicationNumber(t: TFunction, number: number): string {
  return t('network.applicationNumber', { digits: numberDigits(number) });
}
