import { describe, expect, it } from 'vitest';
import { compareDecimal, parseDecimalInput } from './decimal';

describe('decimal strings compared without floats', () => {
  it('orders by value, not by text or float', () => {
    expect(compareDecimal('6.000', '6')).toBe(0);
    expect(compareDecimal('10', '9.99')).toBe(1);
    expect(compareDecimal('0412.50', '412.5')).toBe(0);
    // Equal as floats (both 9007199254740992), different as decimals.
    expect(compareDecimal('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimal('0.1', '0.10000000000000001')).toBe(-1);
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(compareDecimal('-0.00', '0')).toBe(0);
  });

  it('reads what a person types in either language', () => {
    expect(parseDecimalInput('1 250,50')).toBe('1250.50');
    expect(parseDecimalInput('1250.5')).toBe('1250.5');
    expect(parseDecimalInput('abc')).toBeNull();
    expect(parseDecimalInput('-5')).toBeNull();
    expect(parseDecimalInput('1e3')).toBeNull();
  });
});
