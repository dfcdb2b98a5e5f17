import { describe, expect, it } from 'vitest';
import { changeText } from './auditChanges';
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

  it('shows audit changes as before → after, values named and hidden ones said so', () => {
    const v = (text: string, hidden = false) => ({ text, hidden });
    const words = { name: (key: string, value: string) => `${key}:${value}`, hidden: 'hidden', none: '—' };
    expect(changeText({ field: 'role', before: [v('BUYER')], after: [v('APPROVER')] }, words)).toBe('role:BUYER → role:APPROVER');
    expect(changeText({ field: 'user', before: null, after: [v('a@b.c')] }, words)).toBe('user:a@b.c');
    expect(changeText({ field: 'spending_limit', before: [], after: [v('500.00')] }, words)).toBe('— → spending_limit:500.00');
    expect(changeText({ field: 'permissions', before: null, after: [v('PLACE_ORDERS'), v('VIEW_ORDERS')] }, words)).toBe(
      'permissions:PLACE_ORDERS, permissions:VIEW_ORDERS',
    );
    expect(changeText({ field: 'custom_role', before: [], after: [v('', true)] }, words)).toBe('— → hidden');
  });
});
