import { describe, expect, it } from 'vitest';
import { applyMarkup, percentProblem } from './markupFormula';

const rule = (percent: string, rounding: 'CENT' | 'WHOLE' = 'CENT', factor = '1', amount = '0') => ({ factor, percent, amount, rounding });

describe("a dealer's markup over its purchase price", () => {
  it('adds the percentage and rounds half up to kopecks or whole roubles, as the engine does', () => {
    expect(applyMarkup('1000.00', rule('25'))).toBe('1250.00');
    expect(applyMarkup('1234.56', rule('25'))).toBe('1543.20');
    expect(applyMarkup('1234.56', rule('25', 'WHOLE'))).toBe('1543.00');
    expect(applyMarkup('999.99', rule('12.5'))).toBe('1124.99'); // 1124.98875
    expect(applyMarkup('10.02', rule('12.5', 'WHOLE'))).toBe('11.00'); // 11.2725
    expect(applyMarkup('1.00', rule('50', 'WHOLE'))).toBe('2.00'); // 1.5: half up
    expect(applyMarkup('100.00', rule('-10'))).toBe('90.00');
    expect(applyMarkup('100.00', rule('10', 'CENT', '0.9', '5.5'))).toBe('104.50');
    expect(applyMarkup('0.01', rule('18.5'))).toBe('0.01');
  });

  it('checks a typed percentage by the API rules: above -100, at most 4 digits before the point and 3 after', () => {
    expect(percentProblem('25')).toBeNull();
    expect(percentProblem('12,5')).toBeNull();
    expect(percentProblem('-99.999')).toBeNull();
    expect(percentProblem('9999.999')).toBeNull();
    expect(percentProblem('')).toBe('required');
    expect(percentProblem('abc')).toBe('notNumber');
    expect(percentProblem('-100')).toBe('tooLow');
    expect(percentProblem('10000')).toBe('tooHigh');
    expect(percentProblem('1.2345')).toBe('tooPrecise');
  });
});
