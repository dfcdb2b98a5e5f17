/**
 * API errors as words for a person: a known error code becomes a translated message (the
 * key `errors.<CODE>`); an unknown one falls back to a general message with the server's
 * text as detail, so a screen never goes blank.
 */
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import type {
  AccountErrorCode,
  AnnouncementErrorCode,
  CatalogErrorCode,
  CheckoutErrorCode,
  CreditErrorCode,
  DealerNetworkErrorCode,
  InventoryErrorCode,
  NotificationErrorCode,
  OrdersErrorCode,
  PriceRulesErrorCode,
  WorkflowErrorCode,
} from '../gql/graphql';
import { waitPhrase } from '../i18n/wait';

/** The codes of the schema's `*ErrorCode` enums, as codegen generates them (union types). */
export type SchemaErrorCode =
  | AccountErrorCode
  | AnnouncementErrorCode
  | CatalogErrorCode
  | CheckoutErrorCode
  | CreditErrorCode
  | DealerNetworkErrorCode
  | InventoryErrorCode
  | NotificationErrorCode
  | OrdersErrorCode
  | PriceRulesErrorCode
  | WorkflowErrorCode;

/**
 * Every schema error code, checked by the compiler against the generated types: a code the API
 * adds is a type error here until it is listed, and listing it makes `t(`errors.${code}`)` below
 * a type error until ru.json has the message (en.json is held to the same keys by a test).
 */
const SCHEMA_ERROR_CODES: Record<SchemaErrorCode, true> = {
  ALLOCATED_EXCEEDS_ON_HAND: true,
  ALREADY_FORWARDED: true,
  ALREADY_MATCHED: true,
  ALREADY_MEMBER: true,
  AMOUNT_NOT_POSITIVE: true,
  APPLICATIONS_THROTTLED: true,
  ASSIGNMENT_OUTSIDE_SUBTREE: true,
  ASSIGNMENT_TARGET: true,
  AUDIENCE_CONFLICT: true,
  AUDIENCE_REQUIRED: true,
  AUTHENTICATION_REQUIRED: true,
  BELOW_MAP_FLOOR: true,
  BELOW_MINIMUM: true,
  CANNOT_CHANGE_OWN_ROLE: true,
  CANNOT_GRANT: true,
  CARD_PAYMENTS_OFF: true,
  CART_CHANGED: true,
  COMMENT_REQUIRED: true,
  CONCURRENT_CHANGE: true,
  CREDIT_REFUSED: true,
  CURRENCY_MISMATCH: true,
  DERIVED_LIST: true,
  DUPLICATE_APPLICATION: true,
  DUPLICATE_INN: true,
  DUPLICATE_LINE: true,
  DUPLICATE_ROLE: true,
  DUPLICATE_SKU: true,
  DUPLICATE_SLUG: true,
  DUPLICATE_STOCK_ROW: true,
  DUPLICATE_TIER: true,
  DUPLICATE_TOPIC: true,
  EMPTY_CART: true,
  EMPTY_FILE: true,
  EXPORT_TOO_LARGE: true,
  FALLBACK_CYCLE: true,
  FALLBACK_OTHER_OWNER: true,
  FILE_TOO_LARGE: true,
  FORMULA_CYCLE: true,
  FRACTIONAL_QUANTITY: true,
  GRAPHQL_ERROR: true,
  IDEMPOTENCY_KEY_REUSED: true,
  INACTIVE_USER: true,
  INVALID: true,
  INVALID_ATTRIBUTE_VALUE: true,
  INVALID_COORDINATES: true,
  INVALID_CREDENTIALS: true,
  INVALID_CURRENCY: true,
  INVALID_DISCOUNT: true,
  INVALID_EMAIL: true,
  INVALID_FILE: true,
  INVALID_FILTER: true,
  INVALID_FORMULA: true,
  INVALID_IMAGE: true,
  INVALID_INN: true,
  INVALID_INVITATION: true,
  INVALID_KPP: true,
  INVALID_NAME: true,
  INVALID_NUMBER: true,
  INVALID_PARENT: true,
  INVALID_PERIOD: true,
  INVALID_PHONE: true,
  INVALID_QUANTITY: true,
  INVALID_RESET_LINK: true,
  INVALID_ROLE: true,
  INVALID_SPENDING_LIMIT: true,
  INVALID_STATUS: true,
  INVALID_TOKEN: true,
  INVITATION_EXPIRED: true,
  INVITATION_REVOKED: true,
  INVITATION_USED: true,
  INVOICE_NOT_OPEN: true,
  IN_USE: true,
  LAST_ADMIN: true,
  LIMIT_NEGATIVE: true,
  LIST_IN_USE: true,
  LOGIN_THROTTLED: true,
  MANUFACTURER_ONLY: true,
  MAPPING_REQUIRED: true,
  MEMBER_OUTSIDE_SUBTREE: true,
  MISSING_COLUMN: true,
  MISSING_STOCK_COLUMN: true,
  NAME_TAKEN: true,
  NON_POSITIVE_PRICE: true,
  NON_POSITIVE_QUANTITY: true,
  NOTHING_TO_INVOICE: true,
  NOTHING_TO_PAY: true,
  NOT_AWAITING_APPROVAL: true,
  NOT_A_CLIENT: true,
  NOT_A_DEALER: true,
  NOT_A_PUBLISHER: true,
  NOT_ENOUGH_STOCK: true,
  NOT_ENOUGH_UNITS: true,
  NOT_FORWARDABLE: true,
  NOT_FOUND: true,
  NOT_MANAGER: true,
  NOT_MULTIPLE: true,
  NOT_ORDERABLE: true,
  NOT_OWNER: true,
  NO_CREDIT_ACCOUNT: true,
  NO_DELIVERY_ZONE: true,
  NO_ENTRIES: true,
  NO_PRICE: true,
  NO_RATE: true,
  NO_SELLER: true,
  NO_SUPPLIER: true,
  ONE_SHIPMENT_IMPOSSIBLE: true,
  OUT_OF_STOCK: true,
  PASSWORD_RESET_THROTTLED: true,
  PAYMENT_REQUIRED: true,
  PERIOD_INVALID: true,
  PERMISSION_DENIED: true,
  PICKUP_NOT_ALLOWED: true,
  PREORDER_NOT_ALLOWED: true,
  PRICES_CHANGED: true,
  PRICE_REQUIRES_SIGN_IN: true,
  PRODUCTS_REQUIRED: true,
  PROPOSAL_NOT_OPEN: true,
  PUBLISH_DATE_IN_PAST: true,
  REASON_REQUIRED: true,
  REFUND_TOO_LARGE: true,
  REQUIRED: true,
  RESERVED_EXCEEDS_QUANTITY: true,
  ROLE_IN_USE: true,
  ROW_INVALID: true,
  SAMPLES_ONLY: true,
  SAMPLE_LIMIT: true,
  STOCK_CENTER_ONLY: true,
  SUPPLY_RESERVED: true,
  TOKEN_EXPIRED: true,
  TOKEN_REUSED: true,
  TOO_MANY_ERRORS: true,
  TOO_MANY_LINES: true,
  TOO_MANY_PRODUCTS: true,
  TOO_MANY_ROWS: true,
  TRANSITION_NOT_ALLOWED: true,
  TREE_TOO_DEEP: true,
  UNIQUE: true,
  UNKNOWN_COLUMN: true,
  UNKNOWN_LAYOUT: true,
  UNKNOWN_LIST: true,
  UNKNOWN_OWNER: true,
  UNKNOWN_PERMISSION: true,
  UNKNOWN_PRICE_GROUP: true,
  UNKNOWN_PRODUCT: true,
  UNKNOWN_PROMOTION: true,
  UNKNOWN_REGION: true,
  UNKNOWN_SKU: true,
  UNKNOWN_UNIT: true,
  UNKNOWN_VARIANT: true,
  UNKNOWN_WAREHOUSE: true,
  UPLOAD_INVALID: true,
  WAREHOUSE_CODE_TAKEN: true,
  WAREHOUSE_INACTIVE: true,
  WEAK_PASSWORD: true,
  WRONG_STATE: true,
};

/**
 * Codes that are in no schema enum: the HTTP layer and the GraphQL executor put them in an
 * error's `extensions.code` (a request refused before it runs: not parsed, not valid, too large,
 * too deep, too costly; a bad token or organization header; a crash), and NETWORK_ERROR is
 * made here when no answer came. Kept by hand, as the schema cannot tell them.
 */
export const HTTP_ERROR_CODES = [
  'AUTHENTICATION_REQUIRED',
  'BAD_REQUEST',
  'GRAPHQL_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_ERROR',
  'INVALID_INPUT',
  'INVALID_PAGINATION',
  'INVALID_TOKEN',
  'INVALID_VARIABLES',
  'METHOD_NOT_ALLOWED',
  'NETWORK_ERROR',
  'OPERATION_NOT_FOUND',
  'ORGANIZATION_ACCESS_DENIED',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_LARGE',
  'TOKEN_EXPIRED',
  'TOO_MANY_QUERY_FIELDS',
] as const;

export type KnownErrorCode = SchemaErrorCode | (typeof HTTP_ERROR_CODES)[number];

export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set<KnownErrorCode>([
  ...(Object.keys(SCHEMA_ERROR_CODES) as SchemaErrorCode[]),
  ...HTTP_ERROR_CODES,
]);

export function isKnownErrorCode(code: unknown): code is KnownErrorCode {
  return typeof code === 'string' && KNOWN_ERROR_CODES.has(code);
}

export interface ApiProblem {
  code: string;
  /** The server's own message, shown as detail when the code is unknown. */
  detail: string;
  /** A throttle's wait in seconds, when the API gave it as a field (`retryAfter`). */
  retryAfter?: number | null;
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

/** Seconds to wait, read from a throttle's message ("Try again in 42 seconds."). */
export function throttleSeconds(message: string): number | null {
  const match = /(\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** Codes that tell how long to wait: their messages say it (`{{wait}}`), or `<CODE>_SOON`. */
const THROTTLE_CODES: ReadonlySet<string> = new Set<SchemaErrorCode>([
  'APPLICATIONS_THROTTLED',
  'LOGIN_THROTTLED',
  'PASSWORD_RESET_THROTTLED',
]);

/** A translated sentence for an error code and the server's message. */
export function describeProblem(t: TFunction, problem: ApiProblem): string {
  if (THROTTLE_CODES.has(problem.code)) {
    const seconds = problem.retryAfter ?? throttleSeconds(problem.detail);
    return seconds === null
      ? t(`errors.${problem.code as 'LOGIN_THROTTLED'}_SOON`)
      : t(`errors.${problem.code as 'LOGIN_THROTTLED'}`, { wait: waitPhrase(t, seconds) });
  }
  // The server's text fills in the messages that quote it (INVALID_INPUT names the value).
  if (isKnownErrorCode(problem.code)) return t(`errors.${problem.code}`, { detail: problem.detail });
  return problem.detail ? t('errors.UNKNOWN_WITH_DETAIL', { detail: problem.detail }) : t('errors.UNKNOWN');
}
