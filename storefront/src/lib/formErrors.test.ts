import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n';
import { applyFieldErrors, isAmount, parseAmount } from './formErrors';

const ru = createI18n('ru').t;

describe('form helpers', () => {
  it('turns typed amounts into API decimals', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(' 150 000,50 ')).toBe('150000.50');
    expect(isAmount('150 000')).toBe(true);
    expect(isAmount('12,5')).toBe(true);
    expect(isAmount('')).toBe(true);
    expect(isAmount('abc')).toBe(false);
    expect(isAmount('-5')).toBe(false);
    expect(isAmount('1.234')).toBe(false);
  });

  it('puts API errors next to their fields, translated, and returns the rest', () => {
    const setError = vi.fn();
    const rest = applyFieldErrors(
      ru,
      [
        { field: 'adminEmail', code: 'INVALID_EMAIL', message: 'Enter a valid e-mail address.' },
        { field: 'inn', code: 'INVALID_INN', message: 'bad' },
        { field: null, code: 'NOT_A_DEALER', message: 'Only dealers' },
        { field: 'parent', code: 'SOMETHING_NEW', message: 'Odd' },
      ],
      ['adminEmail', 'inn'],
      setError,
    );
    expect(setError).toHaveBeenCalledWith('adminEmail', { type: 'server', message: 'Введите корректный e-mail.' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith('inn', expect.objectContaining({ message: expect.stringContaining('ИНН неверен') }), { shouldFocus: false });
    expect(rest).toEqual([
      { code: 'NOT_A_DEALER', detail: 'Only dealers' },
      { code: 'SOMETHING_NEW', detail: 'Odd' },
    ]);
  });
});
