/**
 * API errors as words for a person: a known error code becomes a translated message (the
 * key `errors.<CODE>`); an unknown one falls back to a general message with the server's
 * text as detail, so a screen never goes blank.
 */
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';

export const KNOWN_ERROR_CODES = [
  'ALREADY_MEMBER',
  'APPLICATIONS_THROTTLED',
  'AUTHENTICATION_REQUIRED',
  'CANNOT_CHANGE_OWN_ROLE',
  'CANNOT_GRANT',
  'DUPLICATE_APPLICATION',
  'DUPLICATE_INN',
  'DUPLICATE_ROLE',
  'GRAPHQL_ERROR',
  'INACTIVE_USER',
  'INTERNAL_ERROR',
  'INVALID',
  'INVALID_CREDENTIALS',
  'INVALID_CURRENCY',
  'INVALID_EMAIL',
  'INVALID_INN',
  'INVALID_INVITATION',
  'INVALID_KPP',
  'INVALID_NAME',
  'INVALID_PAGINATION',
  'INVALID_PARENT',
  'INVALID_PHONE',
  'INVALID_ROLE',
  'INVALID_SPENDING_LIMIT',
  'INVALID_STATUS',
  'INVALID_TOKEN',
  'INVITATION_EXPIRED',
  'INVITATION_REVOKED',
  'INVITATION_USED',
  'LAST_ADMIN',
  'LOGIN_THROTTLED',
  'NETWORK_ERROR',
  'NOT_A_DEALER',
  'NOT_FOUND',
  'NO_SUPPLIER',
  'ORGANIZATION_ACCESS_DENIED',
  'PERMISSION_DENIED',
  'QUERY_TOO_COMPLEX',
  'REQUIRED',
  'ROLE_IN_USE',
  'TOKEN_EXPIRED',
  'TOKEN_REUSED',
  'TREE_TOO_DEEP',
  'UNIQUE',
  'UNKNOWN_PERMISSION',
  'WEAK_PASSWORD',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export function isKnownErrorCode(code: unknown): code is KnownErrorCode {
  return typeof code === 'string' && (KNOWN_ERROR_CODES as readonly string[]).includes(code);
}

export interface ApiProblem {
  code: string;
  /** The server's own message, shown as detail when the code is unknown. */
  detail: string;
}

/** The first problem of a failed urql operation. */
export function problemOf(error: CombinedError): ApiProblem {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = first.extensions?.['code'];
    return { code: typeof code === 'string' ? code : 'GRAPHQL_ERROR', detail: first.message };
  }
  // A server that answered, but not with GraphQL (a 5xx page, a proxy error), is not "offline".
  const status = (error.response as Response | undefined)?.status;
  if (status !== undefined && status >= 500) return { code: 'INTERNAL_ERROR', detail: `HTTP ${status}` };
  return { code: 'NETWORK_ERROR', detail: error.networkError?.message ?? '' };
}

/** Seconds to wait, read from a LOGIN_THROTTLED message ("Try again in 42 seconds."). */
export function throttleSeconds(message: string): number | null {
  const match = /(\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** A translated sentence for an error code and the server's message. */
export function describeProblem(t: TFunction, problem: ApiProblem): string {
  if (problem.code === 'LOGIN_THROTTLED') {
    const seconds = throttleSeconds(problem.detail);
    return seconds === null
      ? t('errors.LOGIN_THROTTLED_SOON')
      : t('errors.LOGIN_THROTTLED', { count: seconds });
  }
  if (isKnownErrorCode(problem.code)) return t(`errors.${problem.code}`);
  return problem.detail ? t('errors.UNKNOWN_WITH_DETAIL', { detail: problem.detail }) : t('errors.UNKNOWN');
}
