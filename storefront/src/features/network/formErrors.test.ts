import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n';
import { changeLines } from './AuditPage';
import { acceptFormProblems } from './InvitationAcceptPage';
import { applyFieldErrors, camelField, isAmount, parseAmount } from './formErrors';
import { statusParam } from './ReviewPage';

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
        { field: 'admin_email', code: 'INVALID_EMAIL', message: 'Enter a valid e-mail address.' },
        { field: 'inn', code: 'INVALID_INN', message: 'bad' },
        { field: null, code: 'NOT_A_DEALER', message: 'Only dealers' },
        { field: 'parent', code: 'SOMETHING_NEW', message: 'Odd' },
      ],
      ['adminEmail', 'inn'],
      setError,
    );
    expect(camelField('admin_email')).toBe('adminEmail');
    expect(setError).toHaveBeenCalledWith('adminEmail', { type: 'server', message: 'Введите корректный e-mail.' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith('inn', expect.objectContaining({ message: expect.stringContaining('ИНН неверен') }), { shouldFocus: false });
    expect(rest).toEqual([
      { code: 'NOT_A_DEALER', detail: 'Only dealers' },
      { code: 'SOMETHING_NEW', detail: 'Odd' },
    ]);
  });

  it('checks the invitation form: password length and confirmation', () => {
    const base = { firstName: '', lastName: '', password: 'long-enough', confirm: 'long-enough' };
    expect(acceptFormProblems(base)).toEqual({});
    expect(acceptFormProblems({ ...base, password: '', confirm: '' })).toEqual({ password: 'required' });
    expect(acceptFormProblems({ ...base, password: 'short', confirm: 'short' })).toEqual({ password: 'passwordShort' });
    expect(acceptFormProblems({ ...base, confirm: 'other' })).toEqual({ confirm: 'passwordMatch' });
  });

  it('reads the review status from the URL, defaulting to the submitted ones', () => {
    expect(statusParam(null)).toBe('SUBMITTED');
    expect(statusParam('APPROVED')).toBe('APPROVED');
    expect(statusParam('ALL')).toBeNull();
    expect(statusParam('nonsense')).toBe('SUBMITTED');
  });

  it('shows audit changes as before → after', () => {
    expect(changeLines('{"role": ["BUYER", "APPROVER"], "user": "a@b.c"}')).toEqual([
      { key: 'role', value: 'BUYER → APPROVER' },
      { key: 'user', value: 'a@b.c' },
    ]);
    expect(changeLines(JSON.stringify('{"spending_limit": [null, "500.00"]}'))).toEqual([{ key: 'spending_limit', value: '— → 500.00' }]);
    expect(changeLines('{"permissions": ["PLACE_ORDERS", "VIEW_ORDERS"]}')).toEqual([
      { key: 'permissions', value: 'PLACE_ORDERS, VIEW_ORDERS' },
    ]);
    expect(changeLines('not json')).toEqual([{ key: '', value: 'not json' }]);
  });

  it('names coded values in audit changes', () => {
    const name = (key: string, value: string) => `${key}:${value}`;
    expect(changeLines('{"role": ["BUYER", "APPROVER"], "permissions": ["PLACE_ORDERS"], "parent": null}', name)).toEqual([
      { key: 'role', value: 'role:BUYER → role:APPROVER' },
      { key: 'permissions', value: 'permissions:PLACE_ORDERS' },
      { key: 'parent', value: '—' },
    ]);
  });
});
