/**
 * Who manages which stock: the API's rule (inventory/visibility.py), mirrored for the screens.
 *
 * - Staff with the staff permission MANAGE_STOCK manage every warehouse; staff with VIEW_ALL
 *   see them without editing.
 * - A member of a partner organization whose role there holds MANAGE_STOCK manages that
 *   organization's own stock centers (and puts their leftovers on sale).
 * The API decides per warehouse (`canManage`); this only decides what the screens offer.
 */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

export interface StockManagement {
  /** staff: every warehouse; partner: its own stock centers. */
  scope: 'staff' | 'partner';
  /** False for staff who may only look (VIEW_ALL without MANAGE_STOCK). */
  canEdit: boolean;
}

/** How the viewer, acting for `organizationId`, manages stock; null when it does not. */
export function stockManagement(me: Me | null, organizationId: string | null | undefined): StockManagement | null {
  if (!me) return null;
  const membership = me.memberships.find((m) => m.organization.id === organizationId);
  if (membership && membership.organization.kind !== 'MANUFACTURER' && hasPermission(me, organizationId, 'MANAGE_STOCK')) {
    return { scope: 'partner', canEdit: true };
  }
  if (hasStaffPermission(me, 'MANAGE_STOCK')) return { scope: 'staff', canEdit: true };
  if (hasStaffPermission(me, 'VIEW_ALL')) return { scope: 'staff', canEdit: false };
  return null;
}

/**
 * Whether the viewer buys from a seller that may put leftovers on sale: a member acting for a
 * partner organization (every partner has a seller above it).
 */
export function buysFromSeller(me: Me | null, organizationId: string | null | undefined): boolean {
  const membership = me?.memberships.find((m) => m.organization.id === organizationId);
  return Boolean(membership && membership.organization.kind !== 'MANUFACTURER');
}
