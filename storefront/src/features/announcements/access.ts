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
