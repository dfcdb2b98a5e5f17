import { describe, expect, it } from 'vitest';
import type { Unit } from '../gql/graphql';
import {
  formatDate,
  formatMeasure,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatUnitSymbol,
  localeOf,
} from './format';
import { createI18n } from './index';

// Intl uses narrow no-break spaces in Russian numbers; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting by interface language', () => {
  it('writes decimals from the API without trailing zeros, with the locale separator', () => {
    expect(formatNumber('ru', '6.000')).toBe('6');
    expect(formatNumber('ru', '1.415')).toBe('1,415');
    expect(formatNumber('en', '1.415')).toBe('1.415');
    expect(plain(formatNumber('ru', 12345.5))).toBe('12 345,5');
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('ru', '0.001170', 6)).toBe('0,00117');
  });

  it('shows a dash for a missing or unreadable number', () => {
    expect(formatNumber('ru', null)).toBe('—');
    expect(formatNumber('en', 'abc')).toBe('—');
  });

  it('formats money in its currency', () => {
    expect(plain(formatMoney('ru', '1234.5', 'RUB'))).toBe('1 234,50 ₽');
    expect(formatMoney('en', '1234.5', 'EUR')).toBe('€1,234.50');
  });

  it('formats money from decimal strings exactly, beyond what a float holds', () => {
    // As a float 9007199254740993.10 would come out as …992,00.
    expect(plain(formatMoney('ru', '9007199254740993.10', 'RUB'))).toBe('9 007 199 254 740 993,10 ₽');
    // As a float 412.005 is 412.00499…, which rounds down.
    expect(plain(formatMoney('en', '412.005', 'RUB'))).toBe('RUB 412.01');
    expect(formatMoney('en', null, 'RUB')).toBe('—');
  });

  it('formats percentages given in percent', () => {
    expect(plain(formatPercent('ru', '12.5'))).toBe('12,5 %');
    expect(formatPercent('en', '10')).toBe('10%');
  });

  it('formats dates day first in both languages', () => {
    const date = '2026-11-22T12:00:00+03:00';
    expect(formatDate('ru', date)).toBe('22.11.2026');
    expect(formatDate('en', date)).toBe('22/11/2026');
    expect(formatDate('ru', 'not a date')).toBe('—');
  });

  it('falls back to Russian for an unknown language', () => {
    expect(localeOf('de')).toBe('ru-RU');
  });
});

describe('quantities and measures in both languages', () => {
  const ru = createI18n('ru');
  const en = createI18n('en');
  const quantity = (i18n: typeof ru, value: string | number, unit: Unit) =>
    plain(formatQuantity(i18n.language, i18n.t, value, unit));

  it('counts pieces, packs and sets with the plural forms of the language', () => {
    expect(quantity(en, '1.000', 'PCS')).toBe('1 pc');
    expect(quantity(en, '6.000', 'PCS')).toBe('6 pcs');
    expect(quantity(en, '1', 'PACK')).toBe('1 pack');
    expect(quantity(en, '2', 'SET')).toBe('2 sets');
    expect(quantity(en, '1250', 'PCS')).toBe('1,250 pcs');
    expect(quantity(ru, '1', 'PCS')).toBe('1 шт.');
    expect(quantity(ru, '1250', 'PCS')).toBe('1 250 шт.');
    expect(quantity(ru, '2', 'SET')).toBe('2 компл.');
    expect(quantity(en, '0.5', 'M2')).toBe('0.5 m²');
    expect(quantity(ru, '0.5', 'M2')).toBe('0,5 м²');
  });

  it('writes litres, kilograms and metres the way Intl does in each language', () => {
    expect(quantity(ru, '0.9', 'L')).toBe('0,9 л');
    expect(quantity(en, '0.9', 'L')).toBe('0.9 l');
    expect(quantity(ru, '1.415', 'KG')).toBe('1,415 кг');
    expect(quantity(en, '1.415', 'KG')).toBe('1.415 kg');
    expect(quantity(en, '12', 'M')).toBe('12 m');
    expect(formatQuantity('en', en.t, null, 'PCS')).toBe('—');
  });

  it('localizes measured values from the catalog, with a separate or an inline unit', () => {
    expect(plain(formatMeasure('ru', '0.9', 'л'))).toBe('0,9 л');
    expect(plain(formatMeasure('en', '0.9', 'л'))).toBe('0.9 l');
    expect(plain(formatMeasure('en', '0,4 кг'))).toBe('0.4 kg');
    expect(plain(formatMeasure('ru', '0,4 кг'))).toBe('0,4 кг');
    expect(plain(formatMeasure('en', '600×2000 мм'))).toBe('600 × 2000 mm');
    expect(plain(formatMeasure('ru', '1050×2070 мм'))).toBe('1050 × 2070 мм');
    expect(formatMeasure('en', '1.9')).toBe('1.9');
    expect(formatMeasure('ru', '1.9')).toBe('1,9');
    expect(formatMeasure('en', '16', 'А')).toBe('16 А');
  });

  it('names a catalog unit alone in the language', () => {
    expect(formatUnitSymbol('en', 'л')).toBe('l');
    expect(formatUnitSymbol('ru', 'л')).toBe('л');
    expect(formatUnitSymbol('en', 'мм')).toBe('mm');
    expect(formatUnitSymbol('en', 'А')).toBe('А');
  });

  it('leaves values that are no measure as they are', () => {
    for (const text of ['5W-30', 'IP44', '3-камерный', 'ISO VG 46', 'слоновая кость', 'NLGI 2']) {
      expect(formatMeasure('en', text)).toBe(text);
    }
    expect(formatMeasure('en', 'матовая', 'л')).toBe('матовая л');
  });
});
