/**
 * The orders list's search, filters and sort in the URL, and the API's filter and sort from them.
 * A hand-edited link must not break the query: a value that does not parse is left out.
 *
 *   q        search (number, seller's number, buyer's reference)
 *   from,to  placed in the period (YYYY-MM-DD)
 *   by       placed by (a person's id; `me` in the URL stands for the viewer)
 *   org      organization; `subtree=0` leaves out the organizations below it
 *   type     REGULAR | PREORDER | SAMPLES
 *   min,max  grand total range
 *   status   comma-separated OrderStatus
 *   pay      comma-separated PaymentStatus
 *   sort     placedAt | number | total | buyer, `-` in front for descending (default -placedAt)
 */
import type { OrderFilterInput, OrderSortField, OrderSortInput, OrderStatus, OrderType, PaymentStatus } from '../../gql/graphql';

export const ORDER_TYPES: OrderType[] = ['REGULAR', 'PREORDER', 'SAMPLES'];
export const ORDER_STATUSES: OrderStatus[] = ['AWAITING_APPROVAL', 'PLACED', 'REJECTED', 'CANCELLED'];
export const PAYMENT_STATUSES: PaymentStatus[] = ['UNPAID', 'PARTIALLY_PAID', 'PAID', 'OVERDUE'];
export const SORT_KEYS = ['placedAt', 'number', 'total', 'buyer'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT = '-placedAt';

/** The URL keys of the filters (not the search, not the sort, not the page). */
export const FILTER_KEYS = ['from', 'to', 'by', 'org', 'subtree', 'type', 'min', 'max', 'status', 'pay'] as const;

const SORT_FIELDS: Record<SortKey, OrderSortField> = { placedAt: 'PLACED_AT', number: 'NUMBER', total: 'TOTAL', buyer: 'BUYER' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d+(\.\d+)?$/;

function dateOf(value: string | null): string | null {
  return value && DATE.test(value) ? value : null;
}

/** "1 500,50" or "1500.5" as typed -> "1500.50"-like API decimal, or null. */
export function amountOf(value: string | null): string | null {
  const cleaned = (value ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.');
  return AMOUNT.test(cleaned) ? cleaned : null;
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  const chosen = (value ?? '').split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
  return [...new Set(chosen)];
}

export function statusesOf(params: URLSearchParams): OrderStatus[] {
  return listOf(params.get('status'), ORDER_STATUSES);
}

export function paymentsOf(params: URLSearchParams): PaymentStatus[] {
  return listOf(params.get('pay'), PAYMENT_STATUSES);
}

/** The API's filter for the URL; `viewerId` stands in for `by=me`. */
export function orderFilter(params: URLSearchParams, search: string, viewerId: string | null): OrderFilterInput {
  const by = params.get('by');
  const type = params.get('type');
  const statuses = statusesOf(params);
  const payments = paymentsOf(params);
  const organization = params.get('org') || null;
  return {
    search: search || null,
    placedFrom: dateOf(params.get('from')),
    placedTo: dateOf(params.get('to')),
    placedBy: by === 'me' ? viewerId : by || null,
    organization,
    // Sent always: a null would override the API's default (true).
    includeSubtree: params.get('subtree') !== '0',
    orderType: ORDER_TYPES.includes(type as OrderType) ? (type as OrderType) : null,
    totalMin: amountOf(params.get('min')),
    totalMax: amountOf(params.get('max')),
    status: statuses.length ? statuses : null,
    paymentStatus: payments.length ? payments : null,
  };
}

export interface SortChoice {
  key: SortKey;
  descending: boolean;
}

export function sortOf(params: URLSearchParams): SortChoice {
  const value = params.get('sort') ?? DEFAULT_SORT;
  const descending = value.startsWith('-');
  const key = value.replace(/^-/, '');
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, descending } : { key: 'placedAt', descending: true };
}

export function sortParam({ key, descending }: SortChoice): string {
  const value = `${descending ? '-' : ''}${key}`;
  return value === DEFAULT_SORT ? '' : value;
}

export function orderSort(choice: SortChoice): OrderSortInput {
  return { field: SORT_FIELDS[choice.key], direction: choice.descending ? 'DESC' : 'ASC' };
}

/** Whether any search or filter narrows the list (for «nothing matches» and «clear filters»). */
export function isFiltered(params: URLSearchParams): boolean {
  return Boolean(params.get('q')) || FILTER_KEYS.some((key) => params.get(key));
}

/** The URL without search and filters: the sort is kept. */
export function clearedParams(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  const sort = params.get('sort');
  if (sort) next.set('sort', sort);
  return next;
}
