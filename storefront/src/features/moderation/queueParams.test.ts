import { describe, expect, it } from 'vitest';
import { isQueueFiltered, queueFilter, queueSort, queueSortOf, queueSortParam } from './queueParams';

describe('moderation queue params', () => {
  it('reads the filters from the URL, leaving out what does not parse', () => {
    const params = new URLSearchParams('state=ON_MODERATION,NOPE,ON_MODERATION&min=1 000,5&max=abc&from=2026-11-01&to=11/30&mine=1&credit=1');
    expect(queueFilter(params, 'ЗАК')).toEqual({
      states: ['ON_MODERATION'],
      search: 'ЗАК',
      totalMin: '1000.5',
      totalMax: null,
      submittedFrom: '2026-11-01',
      submittedTo: null,
      mine: true,
      overCredit: true,
    });
    expect(isQueueFiltered(params)).toBe(true);
  });

  it('leaves the states to the API (the open ones) and sorts oldest first by default', () => {
    const params = new URLSearchParams('');
    expect(queueFilter(params, '')).toMatchObject({ states: null, search: null, mine: null, overCredit: null });
    expect(queueSort(queueSortOf(params))).toEqual({ field: 'AGE', direction: 'ASC' });
    expect(queueSort(queueSortOf(new URLSearchParams('sort=-total')))).toEqual({ field: 'TOTAL', direction: 'DESC' });
    expect(queueSortOf(new URLSearchParams('sort=bogus'))).toEqual({ key: 'age', descending: false });
    expect(queueSortParam({ key: 'age', descending: false })).toBe('');
    expect(isQueueFiltered(new URLSearchParams('sort=-age'))).toBe(false);
  });
});
