/**
 * Who sees which orders screen: the active membership's permissions and staff rights, mirrored
 * from the API (orders/visibility.py decides which orders; this only decides what is offered).
 */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

export interface OrdersAccess {
  /** /orders: VIEW_ORDERS in the active organization, or staff who see every order. */
  canView: boolean;
  /** /approvals: APPROVE_ORDERS in the active organization. */
  canApprove: boolean;
  /**
   * Staff (MODERATE_ORDERS, VIEW_ALL) filter by any organization and see no order as
   * «read-only», though they may also be members of the manufacturer.
   */
  staff: boolean;
}

export function ordersAccess(me: Me | null, organizationId: string | null | undefined): OrdersAccess {
  const staff = hasStaffPermission(me, 'MODERATE_ORDERS') || hasStaffPermission(me, 'VIEW_ALL');
  const member = Boolean(me?.memberships.some((m) => m.organization.id === organizationId));
  return {
    canView: (member && hasPermission(me, organizationId, 'VIEW_ORDERS')) || staff,
    canApprove: member && hasPermission(me, organizationId, 'APPROVE_ORDERS'),
    staff,
  };
}

/**
 * A partner sees the orders of the organizations below it (a dealer its sub-dealers') but may
 * act only on its own: any other buyer's order is read-only. Staff are not marked.
 */
export function isReadOnlyOrder(buyerId: string, organizationId: string | null | undefined, staff: boolean): boolean {
  return !staff && Boolean(organizationId) && buyerId !== organizationId;
}
