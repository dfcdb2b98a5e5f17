import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { activePermissions, hasPermission, hasStaffPermission, organizationSections, REVIEW_PERMISSION } from './access';

describe('permission gating', () => {
  it('reads the permissions of the active membership only', () => {
    const admin = me(2, 0, { admin: true }).me;
    expect(activePermissions(admin, 'O2').has('MANAGE_MEMBERS')).toBe(true);
    expect(activePermissions(admin, 'O-unknown').size).toBe(0);
    expect(activePermissions(admin, null).size).toBe(0);
    expect(activePermissions(null, 'O2').size).toBe(0);
  });

  it('offers an admin every organization screen and a buyer none', () => {
    const admin = me(1, 0, { admin: true }).me;
    expect(organizationSections(admin, 'O2').map((s) => s.path)).toEqual([
      '/organization/members',
      '/organization/roles',
      '/organization/sub-dealers',
      '/organization/audit',
    ]);
    const buyer = me(1, 0).me;
    expect(organizationSections(buyer, 'O2')).toEqual([]);
    expect(hasPermission(buyer, 'O2', 'MANAGE_MEMBERS')).toBe(false);
  });

  it('lets only staff with MANAGE_ORGANIZATIONS review applications', () => {
    expect(hasStaffPermission(me(1, 0, { staffPermissions: [REVIEW_PERMISSION] }).me, REVIEW_PERMISSION)).toBe(true);
    expect(hasStaffPermission(me(1, 0, { staffPermissions: ['MANAGE_CATALOG'] }).me, REVIEW_PERMISSION)).toBe(false);
    expect(hasStaffPermission(me(1, 0, { admin: true }).me, REVIEW_PERMISSION)).toBe(false);
  });
});
