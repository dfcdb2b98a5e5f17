import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CombinedError } from '@urql/core';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import enMessages from '../i18n/en.json';
import ruMessages from '../i18n/ru.json';
import { describeProblem, HTTP_ERROR_CODES, isKnownErrorCode, problemOf, throttleSeconds } from './errors';

const ru = createI18n('ru').t;
const en = createI18n('en').t;

describe('API errors for people', () => {
  it('translates a known code instead of showing the server message', () => {
    const problem = { code: 'INVALID_CREDENTIALS', detail: 'Wrong e-mail or password.' };
    expect(describeProblem(ru, problem)).toBe('Неверный e-mail или пароль.');
    expect(describeProblem(en, problem)).toBe('Wrong e-mail or password.');
  });

  it('reads the wait from a throttling message and says it in minutes, rounded up, with the right plural', () => {
    const problem = { code: 'LOGIN_THROTTLED', detail: 'Too many failed sign-in attempts. Try again in 42 seconds.' };
    expect(throttleSeconds(problem.detail)).toBe(42);
    expect(describeProblem(ru, problem)).toBe('Слишком много неудачных попыток входа. Повторите через 42 секунды.');
    expect(describeProblem(ru, { ...problem, detail: 'Try again in 21 seconds.' })).toContain('через 21 секунду');
    expect(describeProblem(ru, { ...problem, detail: 'Try again in 895 seconds.' })).toContain('Повторите через 15 минут.');
    expect(describeProblem(ru, { ...problem, retryAfter: 1230 })).toContain('через 21 минуту');
    expect(describeProblem(en, problem)).toContain('in 42 seconds');
    expect(describeProblem(en, { ...problem, detail: 'Try again in 895 seconds.' })).toContain('Try again in 15 minutes.');
    expect(describeProblem(en, { ...problem, detail: 'no number' })).toContain('a little later');
  });

  it('says the wait of every throttle the same way', () => {
    expect(describeProblem(ru, { code: 'PASSWORD_RESET_THROTTLED', detail: '', retryAfter: 3540 })).toBe(
      'Слишком много запросов на сброс пароля. Повторите через 59 минут.',
    );
    expect(describeProblem(ru, { code: 'APPLICATIONS_THROTTLED', detail: 'Try again in 120 seconds.' })).toContain(
      'через 2 минуты',
    );
    expect(describeProblem(en, { code: 'APPLICATIONS_THROTTLED', detail: '' })).toContain('later');
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

  it('tells the server text of a refused input value', () => {
    const problem = { code: 'INVALID_INPUT', detail: 'At most 255 characters (this has 300).' };
    expect(describeProblem(en, problem)).toBe('A value cannot be accepted: At most 255 characters (this has 300).');
    expect(describeProblem(ru, problem)).toContain('At most 255 characters');
  });
});

/** The schema's `*ErrorCode` enums, read from the committed schema codegen also reads. */
const schemaSource = readFileSync(join(import.meta.dirname, '../../../schema.graphql'), 'utf8');
const errorEnums = Object.values(buildSchema(schemaSource).getTypeMap())
  .filter(isEnumType)
  .filter((type) => type.name.endsWith('ErrorCode'));
const generated = readFileSync(join(import.meta.dirname, '../gql/graphql.ts'), 'utf8');

/** A message for the code in one locale: plain, or in plural forms. */
function hasMessage(messages: { errors: Record<string, string> }, code: string): boolean {
  return code in messages.errors || `${code}_other` in messages.errors;
}

describe('error codes', () => {
  it('finds the schema error enums', () => {
    expect(errorEnums.map((type) => type.name)).toEqual(
      expect.arrayContaining(['AccountErrorCode', 'CatalogErrorCode', 'DealerNetworkErrorCode']),
    );
  });

  it.each(errorEnums.map((type) => [type.name, type] as const))(
    'know every code of %s and say it in Russian and English',
    (name, type) => {
      // Codegen emits an enum only when a document uses it (see errors.graphql).
      expect(generated, `${name} is not generated`).toContain(`export type ${name} =`);
      for (const { value } of type.getValues()) {
        expect(isKnownErrorCode(value), `${name}.${String(value)} is not in errors.ts`).toBe(true);
        expect(hasMessage(ruMessages, String(value)), `ru: errors.${String(value)}`).toBe(true);
        expect(hasMessage(enMessages, String(value)), `en: errors.${String(value)}`).toBe(true);
      }
    },
  );

  it('say every code of the HTTP layer in Russian and English', () => {
    for (const code of HTTP_ERROR_CODES) {
      expect(isKnownErrorCode(code)).toBe(true);
      expect(hasMessage(ruMessages, code), `ru: errors.${code}`).toBe(true);
      expect(hasMessage(enMessages, code), `en: errors.${code}`).toBe(true);
    }
  });

  it('leaves a code nobody listed unknown', () => {
    expect(isKnownErrorCode('SOMETHING_NEW')).toBe(false);
    expect(isKnownErrorCode(undefined)).toBe(false);
  });
});
