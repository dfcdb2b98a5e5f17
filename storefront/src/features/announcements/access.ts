/** Who publishes announcements: the API's rule (plugins/announcements/visibility.py), mirrored. */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

/** Staff publish for the manufacturer by this permission. */
export const STAFF_PUBLISHER_PERMISSION = 'MANAGE_CATALOG';
const PUBLISHING_KINDS = new Set(['DEALER', 'DISTRIBUTOR']);

/** Staff with MANAGE_CATALOG, or a dealer's (distributor's) member who manages its sub-dealers. */
export function canPublishAnnouncements(me: Me | null, organizationId: string | null | undefined): boolean {
  if (!me) return false;
  const membership = me.memberships.find((m) => m.organization.id === organizationId);
  if (membership && PUBLISHING_KINDS.has(membership.organization.kind) && hasPermission(me, organizationId, 'MANAGE_SUB_DEALERS')) {
    return true;
  }
  return hasStaffPermission(me, STAFF_PUBLISHER_PERMISSION);
}

/** Staff see every promotion (price_rules/visibility.py `sees_all_prices`). */
const STAFF_PROMOTION_PERMISSIONS = ['MANAGE_PRICES', 'VIEW_ALL'];

/**
 * The organization whose promotions the viewer may link, or null when it cannot list
 * them: the publishing dealer when the viewer also manages its prices; the manufacturer
 * (the active organization) for staff who see every promotion.
 */
export function promotionOwnerId(me: Me | null, organizationId: string | null | undefined): string | null {
  if (!me || !organizationId) return null;
  const membership = me.memberships.find((m) => m.organization.id === organizationId);
  if (!membership) return null;
  const kind = membership.organization.kind;
  if (PUBLISHING_KINDS.has(kind) && hasPermission(me, organizationId, 'MANAGE_SUB_DEALERS')) {
    return hasPermission(me, organizationId, 'MANAGE_PRICES') ? organizationId : null;
  }
  const staffSee = STAFF_PROMOTION_PERMISSIONS.some((p) => hasStaffPermission(me, p));
  return kind === 'MANUFACTURER' && staffSee && hasStaffPermission(me, STAFF_PUBLISHER_PERMISSION) ? organizationId : null;
}
