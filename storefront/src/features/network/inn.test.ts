import { describe, expect, it } from 'vitest';
import { companyInn, innProblem, isValidInn, isValidKpp, personInn } from './inn';

describe('INN checksum', () => {
  it('accepts real-looking company and entrepreneur numbers', () => {
    // Well-known valid numbers (Sberbank, a published entrepreneur example).
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn(' 7707 083893 ')).toBe(true);
  });

  it('says what is wrong', () => {
    expect(innProblem('')).toBe('empty');
    expect(innProblem('77070838a3')).toBe('notDigits');
    expect(innProblem('770708389')).toBe('length');
    expect(innProblem('77070838931')).toBe('length');
    expect(innProblem('7707083894')).toBe('checksum');
    expect(innProblem('500100732250')).toBe('checksum');
  });

  it('makes valid numbers from a prefix', () => {
    expect(companyInn('770708389')).toBe('7707083893');
    expect(personInn('5001007322')).toBe('500100732259');
    for (const prefix of ['123456789', '000000001', '999999999']) expect(isValidInn(companyInn(prefix))).toBe(true);
    expect(() => companyInn('12')).toThrow();
  });

  it('checks the KPP format', () => {
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('77360100')).toBe(false);
    expect(isValidKpp('77360100X')).toBe(false);
  });
});
