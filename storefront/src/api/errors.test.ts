import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { describeProblem, problemOf, throttleSeconds } from './errors';

const ru = createI18n('ru').t;
const en = createI18n('en').t;

describe('API errors for people', () => {
  it('translates a known code instead of showing the server message', () => {
    const problem = { code: 'INVALID_CREDENTIALS', detail: 'Wrong e-mail or password.' };
    expect(describeProblem(ru, problem)).toBe('Неверный e-mail или пароль.');
    expect(describeProblem(en, problem)).toBe('Wrong e-mail or password.');
  });

  it('reads the wait from a throttling message and says it with the right plural', () => {
    const problem = { code: 'LOGIN_THROTTLED', detail: 'Too many failed sign-in attempts. Try again in 42 seconds.' };
    expect(throttleSeconds(problem.detail)).toBe(42);
    expect(describeProblem(ru, problem)).toContain('через 42 секунды');
    expect(describeProblem(ru, { ...problem, detail: 'Try again in 21 seconds.' })).toContain('через 21 секунду');
    expect(describeProblem(ru, { ...problem, detail: 'Try again in 900 seconds.' })).toContain('через 900 секунд');
    expect(describeProblem(en, problem)).toContain('in 42 seconds');
    expect(describeProblem(en, { ...problem, detail: 'no number' })).toContain('a little later');
  });

  it('shows the server text for an unknown code rather than nothing', () => {
    expect(describeProblem(en, { code: 'SOMETHING_NEW', detail: 'Out of paint.' })).toBe(
      'Something went wrong: Out of paint.',
    );
    expect(describeProblem(ru, { code: 'SOMETHING_NEW', detail: '' })).toContain('Что-то пошло не так');
  });

  it('takes the code of a GraphQL error and marks a failed connection as a network error', () => {
    const graphQLError = new CombinedError({
      graphQLErrors: [{ message: 'Not a member', extensions: { code: 'ORGANIZATION_ACCESS_DENIED' } }],
    });
    expect(problemOf(graphQLError).code).toBe('ORGANIZATION_ACCESS_DENIED');
    const networkError = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(problemOf(networkError)).toEqual({ code: 'NETWORK_ERROR', detail: 'Failed to fetch' });
    expect(describeProblem(ru, problemOf(networkError))).toContain('Нет связи с сервером');
  });

  it('tells a server error apart from being offline', () => {
    const serverError = new CombinedError({
      networkError: new Error('Internal Server Error'),
      response: new Response('<h1>Server Error</h1>', { status: 500 }),
    });
    expect(problemOf(serverError).code).toBe('INTERNAL_ERROR');
    expect(describeProblem(ru, problemOf(serverError))).toContain('Ошибка на сервере');
  });
});
