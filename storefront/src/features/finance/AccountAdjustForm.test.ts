import { describe, expect, it } from 'vitest';
import { adjustmentAmount } from './AccountAdjustForm';
import { isPositiveAmount } from './amounts';
import { netDaysValid } from './AccountSettingsForm';

describe('account forms’ rules', () => {
  it('signs an adjustment by its direction and sends a credit note positive, as the ledger takes it', () => {
    expect(adjustmentAmount('debit', '100.50')).toBe('100.50');
    expect(adjustmentAmount('credit', '100.50')).toBe('-100.50');
    expect(adjustmentAmount('creditNote', '100.50')).toBe('100.50');
  });

  it('takes amounts above zero with two decimals and net days 1–365 only for net terms', () => {
    expect(isPositiveAmount('1 500,50')).toBe(true);
    expect(['0', '', '-5', '1.005', 'abc'].map(isPositiveAmount)).toEqual([false, false, false, false, false]);
    expect(netDaysValid('NET', '30')).toBe(true);
    expect(['0', '366', '7.5', ''].map((days) => netDaysValid('NET', days))).toEqual([false, false, false, false]);
    expect(netDaysValid('PREPAYMENT', '')).toBe(true);
  });
});
