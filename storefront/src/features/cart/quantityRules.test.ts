import { describe, expect, it } from 'vitest';
import { canStepDown, minimumQuantity, quantityProblem, stepDown, stepUp, validQuantity } from './quantityRules';

const tens = { minimum: '20.000', step: '10.000', unit: 'PCS' as const };
const litres = { minimum: '0.500', step: '0.250', unit: 'L' as const };

describe('quantity rules', () => {
  it('accepts multiples of the step from the minimum, typed the Russian or English way', () => {
    expect(validQuantity(tens, '20')).toBe('20');
    expect(validQuantity(tens, '1 000')).toBe('1000');
    expect(validQuantity(litres, '0,75')).toBe('0.75');
    expect(validQuantity(litres, '1.000')).toBe('1');
  });

  it('names what is wrong and the nearest quantity that is right (half a step up, never below the minimum)', () => {
    expect(quantityProblem(tens, '15')).toEqual({ code: 'BELOW_MINIMUM', nearest: '20' });
    expect(quantityProblem(tens, '25')).toEqual({ code: 'NOT_MULTIPLE', nearest: '30' });
    expect(quantityProblem(tens, '34')).toEqual({ code: 'NOT_MULTIPLE', nearest: '30' });
    expect(quantityProblem(tens, '12,5')).toEqual({ code: 'FRACTIONAL_QUANTITY', nearest: '20' });
    expect(quantityProblem(tens, 'abc')).toEqual({ code: 'INVALID_QUANTITY', nearest: null });
    expect(quantityProblem(tens, '0')).toEqual({ code: 'INVALID_QUANTITY', nearest: '20' });
    expect(quantityProblem(litres, '0.3')).toEqual({ code: 'BELOW_MINIMUM', nearest: '0.5' });
    expect(quantityProblem(litres, '0.8')).toEqual({ code: 'NOT_MULTIPLE', nearest: '0.75' });
    expect(quantityProblem(litres, '1.0001')).toEqual({ code: 'INVALID_QUANTITY', nearest: '1' });
  });

  it('rounds a fractional step of a piece up to whole pieces, and the minimum up to the step', () => {
    expect(minimumQuantity({ minimum: '1.000', step: '0.500', unit: 'PCS' })).toBe('1');
    expect(minimumQuantity({ minimum: '1.000', step: '6.000', unit: 'PACK' })).toBe('6');
    expect(quantityProblem({ minimum: '1', step: '0.5', unit: 'PCS' }, '2')).toBeNull();
    // As the API since «a whole-unit variant's minimum is the first whole step from its minimum order».
    expect(minimumQuantity({ minimum: '1.500', step: '0.500', unit: 'PCS' })).toBe('2');
    expect(minimumQuantity({ minimum: '25', step: '10', unit: 'PCS' })).toBe('30');
    expect(quantityProblem({ minimum: '1.5', step: '0.5', unit: 'PCS' }, '1')).toEqual({ code: 'BELOW_MINIMUM', nearest: '2' });
  });

  it('steps by the step, from a bad quantity to the next valid one, never below the minimum', () => {
    expect(stepUp(tens, '20')).toBe('30');
    expect(stepUp(tens, '25')).toBe('30');
    expect(stepUp(tens, '')).toBe('20');
    expect(stepDown(tens, '30')).toBe('20');
    expect(stepDown(tens, '20')).toBe('20');
    expect(stepDown(tens, '35')).toBe('30');
    expect(canStepDown(tens, '20')).toBe(false);
    expect(canStepDown(tens, '30')).toBe(true);
    expect(stepUp(litres, '0.5')).toBe('0.75');
  });
});
