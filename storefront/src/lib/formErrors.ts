/** API field errors onto a react-hook-form form, translated by error code. */
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeProblem, type ApiProblem } from '../api/errors';

export interface ApiFieldError {
  field?: string | null;
  code: string;
  message: string;
}

/** "legal_name" → "legalName" (the API may name a field either way). */
export function camelField(field: string): string {
  return field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
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
  aliases: Partial<Record<string, Path<T>>> = {},
): ApiProblem[] {
  const rest: ApiProblem[] = [];
  let focused = false;
  for (const error of errors) {
    const problem = { code: error.code, detail: error.message };
    const name = error.field ? (aliases[error.field] ?? aliases[camelField(error.field)] ?? camelField(error.field)) : null;
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
