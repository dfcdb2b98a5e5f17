/** API field errors onto a react-hook-form form, translated by error code. */
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeProblem, type ApiProblem } from '../api/errors';

export interface ApiFieldError {
  field?: string | null;
  code: string;
  message: string;
}

/**
 * Puts each error next to its field when the form has that field; returns the problems
 * that concern the whole form (or an unknown field), to show above it.
 */
export function applyFieldErrors<T extends FieldValues>(
  t: TFunction,
  errors: readonly ApiFieldError[],
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): ApiProblem[] {
  const rest: ApiProblem[] = [];
  let focused = false;
  for (const error of errors) {
    const problem = { code: error.code, detail: error.message };
    // The API names fields as its inputs do (camelCase; the mutation base converts once).
    const name = error.field ?? null;
    if (name && (fields as readonly string[]).includes(name)) {
      setError(name as Path<T>, { type: 'server', message: describeProblem(t, problem) }, { shouldFocus: !focused });
      focused = true;
    } else {
      rest.push(problem);
    }
  }
  return rest;
}

/** A decimal the API accepts ("1500.50"), from what a person typed ("1 500,50"); null if empty. */
export function parseAmount(value: string): string | null {
  const cleaned = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return cleaned === '' ? null : cleaned;
}

export function isAmount(value: string): boolean {
  const amount = parseAmount(value);
  return amount === null || (/^\d+(\.\d{1,2})?$/.test(amount) && Number(amount) >= 0);
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
