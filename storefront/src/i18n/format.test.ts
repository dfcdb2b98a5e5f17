import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, localeOf } from './format';

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
