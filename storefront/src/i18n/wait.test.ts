import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import { waitPhrase } from './wait';

const ru = createI18n('ru').t;
const en = createI18n('en').t;

describe('a wait said in words', () => {
  it.each([
    [895, 'через 15 минут'],
    [60, 'через 1 минуту'],
    [61, 'через 2 минуты'],
    [120, 'через 2 минуты'],
    [240, 'через 4 минуты'],
    [300, 'через 5 минут'],
    [660, 'через 11 минут'],
    [1260, 'через 21 минуту'],
    [1320, 'через 22 минуты'],
    [3600, 'через 60 минут'],
    [1, 'через 1 секунду'],
    [2, 'через 2 секунды'],
    [5, 'через 5 секунд'],
    [21, 'через 21 секунду'],
    [59, 'через 59 секунд'],
    [0, 'через 1 секунду'],
    [0.4, 'через 1 секунду'],
  ])('%s s in Russian: %s', (seconds, phrase) => {
    expect(waitPhrase(ru, seconds)).toBe(phrase);
  });

  it.each([
    [895, 'in 15 minutes'],
    [60, 'in 1 minute'],
    [90, 'in 2 minutes'],
    [1, 'in 1 second'],
    [42, 'in 42 seconds'],
  ])('%s s in English: %s', (seconds, phrase) => {
    expect(waitPhrase(en, seconds)).toBe(phrase);
  });
});
