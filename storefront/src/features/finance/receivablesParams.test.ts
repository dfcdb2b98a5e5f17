import { describe, expect, it } from 'vitest';
import { receivablesFilter, receivablesSort, receivablesSortOf, receivablesSortParam } from './receivablesParams';

describe('receivables params', () => {
  it('defaults to the largest overdue first and keeps the default out of the URL', () => {
    const choice = receivablesSortOf(new URLSearchParams(''));
    expect(receivablesSort(choice)).toEqual({ field: 'OVERDUE', direction: 'DESC' });
    expect(receivablesSortParam(choice)).toBe('');
    expect(receivablesSortParam({ key: 'overdue', descending: false })).toBe('overdue');
  });

  it('reads a sort and filters from a link, ignoring what does not parse', () => {
    expect(receivablesSort(receivablesSortOf(new URLSearchParams('sort=-overdueDays')))).toEqual({ field: 'OVERDUE_DAYS', direction: 'DESC' });
    expect(receivablesSort(receivablesSortOf(new URLSearchParams('sort=client')))).toEqual({ field: 'CLIENT', direction: 'ASC' });
    expect(receivablesSortOf(new URLSearchParams('sort=price'))).toEqual({ key: 'overdue', descending: true });
    expect(receivablesFilter(new URLSearchParams('overdue=1'), 'ИНН')).toEqual({ search: 'ИНН', overdueOnly: true });
    expect(receivablesFilter(new URLSearchParams('overdue=yes'), '')).toEqual({ search: null, overdueOnly: null });
  });
});
