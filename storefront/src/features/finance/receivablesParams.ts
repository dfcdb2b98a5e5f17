/**
 * The receivables monitor's search, filter and sort in the URL, and the API's arguments from them.
 *
 *   q          search (client name or INN)
 *   overdue=1  only clients with overdue invoices
 *   sort       client | limit | balance | dueWeek | overdue | overdueDays | lastPayment,
 *              `-` in front for descending (default: overdue, largest first)
 */
import type { ReceivablesFilterInput, ReceivablesSortField, ReceivablesSortInput } from '../../gql/graphql';

export const RECEIVABLES_SORT_KEYS = ['client', 'limit', 'balance', 'dueWeek', 'overdue', 'overdueDays', 'lastPayment'] as const;
export type ReceivablesSortKey = (typeof RECEIVABLES_SORT_KEYS)[number];

const SORT_FIELDS: Record<ReceivablesSortKey, ReceivablesSortField> = {
  client: 'CLIENT',
  limit: 'LIMIT',
  balance: 'BALANCE',
  dueWeek: 'DUE_THIS_WEEK',
  overdue: 'OVERDUE',
  overdueDays: 'OVERDUE_DAYS',
  lastPayment: 'LAST_PAYMENT',
};

export interface ReceivablesSortChoice {
  key: ReceivablesSortKey;
  descending: boolean;
}

/** Who owes most overdue comes first: the monitor exists to chase them. */
const DEFAULT_SORT: ReceivablesSortChoice = { key: 'overdue', descending: true };

export function receivablesSortOf(params: URLSearchParams): ReceivablesSortChoice {
  const value = params.get('sort');
  if (!value) return DEFAULT_SORT;
  const key = value.replace(/^-/, '');
  return (RECEIVABLES_SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as ReceivablesSortKey, descending: value.startsWith('-') }
    : DEFAULT_SORT;
}

/** The URL's value ('' for the default). */
export function receivablesSortParam({ key, descending }: ReceivablesSortChoice): string {
  if (key === DEFAULT_SORT.key && descending === DEFAULT_SORT.descending) return '';
  return `${descending ? '-' : ''}${key}`;
}

export function receivablesSort(choice: ReceivablesSortChoice): ReceivablesSortInput {
  return { field: SORT_FIELDS[choice.key], direction: choice.descending ? 'DESC' : 'ASC' };
}

export function receivablesFilter(params: URLSearchParams, search: string): ReceivablesFilterInput {
  return { search: search || null, overdueOnly: params.get('overdue') === '1' ? true : null };
}

export function isReceivablesFiltered(params: URLSearchParams): boolean {
  return Boolean(params.get('q')) || params.get('overdue') === '1';
}
