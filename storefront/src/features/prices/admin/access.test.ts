import { describe, expect, it } from 'vitest';
import { me } from '../../../test/fixtures';
import { priceManagement, priceSections } from './access';

describe('who manages prices', () => {
  it("gives a dealer's admin its own resale prices, with the markup screen", () => {
    const admin = me(1, 0, { admin: true }).me;
    const management = priceManagement(admin, 'O2');
    expect(management).toEqual({ scope: 'partner', canEdit: true });
    expect(priceSections(management).map((s) => s.key)).toEqual([
      'lists',
      'assignments',
      'groups',
      'markup',
      'promotions',
      'volumeDiscounts',
      'floors',
    ]);
  });

  it('gives a buyer nothing', () => {
    expect(priceManagement(me(1, 0).me, 'O2')).toBeNull();
    expect(priceSections(null)).toEqual([]);
  });

  it("gives staff the manufacturer's prices, editable with MANAGE_PRICES, read-only with VIEW_ALL", () => {
    const editor = priceManagement(me(1, 0, { staffPermissions: ['MANAGE_PRICES'] }).me, 'O2');
    expect(editor).toEqual({ scope: 'staff', canEdit: true });
    expect(priceSections(editor).map((s) => s.key)).not.toContain('markup');
    expect(priceManagement(me(1, 0, { staffPermissions: ['VIEW_ALL'] }).me, 'O2')).toEqual({
      scope: 'staff',
      canEdit: false,
    });
    expect(priceManagement(me(1, 0, { staffPermissions: ['MANAGE_CATALOG'] }).me, 'O2')).toBeNull();
  });
});
