import { describe, expect, it } from 'vitest';
import { changeLines } from './AuditPage';
import { acceptFormProblems } from './InvitationAcceptPage';
import { statusParam } from './ReviewPage';

describe('network screen helpers', () => {
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
