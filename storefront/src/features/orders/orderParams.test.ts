import { describe, expect, it } from 'vitest';
import { clearedParams, isFiltered, orderFilter, orderSort, sortOf, sortParam } from './orderParams';

describe('orders list: the URL and the API filter', () => {
  it('turns every filter of the URL into the API’s filter', () => {
    const params = new URLSearchParams('from=2026-11-01&to=2026-11-30&by=me&org=O5&subtree=0&type=PREORDER&min=1 000,5&max=5000&status=PLACED,AWAITING_APPROVAL&pay=PAID');
    expect(orderFilter(params, '26-001', 'U1')).toEqual({
      search: '26-001',
      placedFrom: '2026-11-01',
      placedTo: '2026-11-30',
      placedBy: 'U1',
      organization: 'O5',
      includeSubtree: false,
      orderType: 'PREORDER',
      totalMin: '1000.5',
      totalMax: '5000',
      status: ['PLACED', 'AWAITING_APPROVAL'],
      paymentStatus: ['PAID'],
    });
  });

  it('leaves out what a hand-edited link broke', () => {
    const params = new URLSearchParams('from=yesterday&type=BIG&min=abc&status=LOST,PLACED,PLACED&pay=');
    expect(orderFilter(params, '', null)).toEqual({
      search: null,
      placedFrom: null,
      placedTo: null,
      placedBy: null,
      organization: null,
      includeSubtree: true,
      orderType: null,
      totalMin: null,
      totalMax: null,
      status: ['PLACED'],
      paymentStatus: null,
    });
  });

  it('sorts newest first unless the URL says otherwise, and keeps the default out of the URL', () => {
    expect(sortOf(new URLSearchParams(''))).toEqual({ key: 'placedAt', descending: true });
    expect(orderSort(sortOf(new URLSearchParams('sort=total')))).toEqual({ field: 'TOTAL', direction: 'ASC' });
    expect(orderSort(sortOf(new URLSearchParams('sort=-buyer')))).toEqual({ field: 'BUYER', direction: 'DESC' });
    expect(sortOf(new URLSearchParams('sort=price'))).toEqual({ key: 'placedAt', descending: true });
    expect(sortParam({ key: 'placedAt', descending: true })).toBe('');
    expect(sortParam({ key: 'number', descending: false })).toBe('number');
  });

  it('knows when the list is narrowed, and clears all but the sort', () => {
    expect(isFiltered(new URLSearchParams('sort=total&page=2'))).toBe(false);
    expect(isFiltered(new URLSearchParams('q=77'))).toBe(true);
    expect(isFiltered(new URLSearchParams('pay=PAID'))).toBe(true);
    expect(clearedParams(new URLSearchParams('q=1&status=PLACED&sort=total&page=3')).toString()).toBe('sort=total');
  });
});
