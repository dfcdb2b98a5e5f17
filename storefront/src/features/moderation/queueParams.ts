/**
 * The moderation queue's search, filters and sort in the URL, and the API's filter from them.
 * A value that does not parse (a hand-edited link) is left out.
 *
 *   q        search (number, buyer name or INN)
 *   state    comma-separated ModerationState (default: the open ones, as the API's default)
 *   min,max  grand total range
 *   from,to  submitted in the period (YYYY-MM-DD)
 *   mine=1   taken by the viewer
 *   credit=1 over the buyer's credit
 *   sort     age | total | buyer, `-` in front for descending (default age: oldest first)
 */
import type { ModerationQueueFilter, ModerationQueueSort, ModerationQueueSortField, ModerationState } from '../../gql/graphql';
import { amountOf } from '../orders/orderParams';

export const MODERATION_STATES: ModerationState[] = ['SUBMITTED', 'ON_MODERATION', 'AWAITING_BUYER', 'CONFIRMED', 'REJECTED', 'CANCELLED'];
export const QUEUE_SORT_KEYS = ['age', 'total', 'buyer'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];
export const QUEUE_FILTER_KEYS = ['state', 'min', 'max', 'from', 'to', 'mine', 'credit'] as const;

const SORT_FIELDS: Record<QueueSortKey, ModerationQueueSortField> = { age: 'AGE', total: 'TOTAL', buyer: 'BUYER' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateOf = (value: string | null) => (value && DATE.test(value) ? value : null);

export function statesOf(params: URLSearchParams): ModerationState[] {
  const chosen = (params.get('state') ?? '').split(',').filter((s): s is ModerationState => (MODERATION_STATES as string[]).includes(s));
  return [...new Set(chosen)];
}

export function queueFilter(params: URLSearchParams, search: string): ModerationQueueFilter {
  const states = statesOf(params);
  return {
    // Left out, the API takes the open states (submitted, on moderation, awaiting the buyer).
    states: states.length ? states : null,
    search: search || null,
    totalMin: amountOf(params.get('min')),
    totalMax: amountOf(params.get('max')),
    submittedFrom: dateOf(params.get('from')),
    submittedTo: dateOf(params.get('to')),
    mine: params.get('mine') === '1' ? true : null,
    overCredit: params.get('credit') === '1' ? true : null,
  };
}

export interface QueueSortChoice {
  key: QueueSortKey;
  descending: boolean;
}

export function queueSortOf(params: URLSearchParams): QueueSortChoice {
  const value = params.get('sort') ?? 'age';
  const key = value.replace(/^-/, '');
  return (QUEUE_SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as QueueSortKey, descending: value.startsWith('-') }
    : { key: 'age', descending: false };
}

/** The URL's value ('' for the default, oldest first). */
export function queueSortParam({ key, descending }: QueueSortChoice): string {
  const value = `${descending ? '-' : ''}${key}`;
  return value === 'age' ? '' : value;
}

export function queueSort(choice: QueueSortChoice): ModerationQueueSort {
  return { field: SORT_FIELDS[choice.key], direction: choice.descending ? 'DESC' : 'ASC' };
}

export function isQueueFiltered(params: URLSearchParams): boolean {
  return Boolean(params.get('q')) || QUEUE_FILTER_KEYS.some((key) => params.get(key));
}
