/**
 * Who sees the moderation screens, mirrored from WORKFLOW.md's «who moderates» (the API decides
 * which orders; this only decides what is offered): the manufacturer's staff with
 * MODERATE_ORDERS, and members of a dealer acting for it with MODERATE_ORDERS (they moderate
 * and forward their sub-dealers' orders).
 */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

export interface ModerationAccess {
  /** /moderation and /moderation/:id. */
  canModerate: boolean;
  /** /moderation/forward: a dealer's moderator (staff forward nothing: they are the factory). */
  canForward: boolean;
}

export function moderationAccess(me: Me | null, organizationId: string | null | undefined): ModerationAccess {
  const staff = hasStaffPermission(me, 'MODERATE_ORDERS');
  const membership = me?.memberships.find((m) => m.organization.id === organizationId);
  const moderator = Boolean(membership) && hasPermission(me, organizationId, 'MODERATE_ORDERS');
  // The manufacturer's own members moderate too, but it forwards to nobody.
  const forwards = moderator && membership?.organization.kind !== 'MANUFACTURER';
  return { canModerate: staff || moderator, canForward: forwards };
}
