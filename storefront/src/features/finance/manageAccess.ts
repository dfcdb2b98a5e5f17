/**
 * Who is offered the seller's credit screens (the receivables monitor, an account's settings,
 * bank statement import): staff with MANAGE_CREDIT, and members of a seller (a dealer for its
 * sub-dealers) whose role holds MANAGE_CREDIT. The API decides per account (`canManage`); this
 * only decides what is shown.
 */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

export function canManageCredit(me: Me | null, organizationId: string | null | undefined): boolean {
  return hasStaffPermission(me, 'MANAGE_CREDIT') || hasPermission(me, organizationId, 'MANAGE_CREDIT');
}
