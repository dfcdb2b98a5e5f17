import { describe, expect, it } from 'vitest';
import { uploadedFile } from '../checkoutFixtures';
import { assign, columnLetter, initialMapping, quantityFromText, toColumnsInput } from './mapping';

describe('the order file mapping', () => {
  it('starts from the API’s columns and holds each role in one column', () => {
    const mapping = initialMapping(uploadedFile());
    expect(mapping).toEqual({ sheet: 0, headerRow: 3, roles: { 0: 'name', 1: 'sku', 2: 'quantity' } });
    const moved = assign(mapping, 0, 'sku');
    expect(moved.roles).toEqual({ 0: 'sku', 2: 'quantity' });
    expect(toColumnsInput(assign(moved, 2, 'skip'))).toEqual({ missing: ['quantity'] });
    expect(toColumnsInput(mapping)).toEqual({ sheet: 0, headerRow: 3, sku: 1, quantity: 2, name: 0, unit: null, price: null });
  });

  it('reads quantities as people write them and names columns by letter', () => {
    expect(['10 шт', '10,5', ' 1 200 ', 'шт', ''].map(quantityFromText)).toEqual(['10', '10.5', '1200', null, null]);
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
});
