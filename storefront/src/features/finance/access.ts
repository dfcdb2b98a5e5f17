/**
 * Who is offered the finance screens: a member whose active membership holds VIEW_INVOICES.
 * The API decides what the account and invoices show (credit/visibility.py); this only decides
 * what is asked for and linked.
 */
import type { MeQuery } from '../../gql/graphql';
import { hasPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

export function canViewFinance(me: Me | null, organizationId: string | null | undefined): boolean {
  const member = Boolean(me?.memberships.some((m) => m.organization.id === organizationId));
  return member && hasPermission(me, organizationId, 'VIEW_INVOICES');
}

/**
 * The account, its invoices and payments change together (a card payment, a refetch after
 * one): the queries name the types so that urql's document cache refetches them all.
 */
export const FINANCE_CONTEXT = { additionalTypenames: ['CreditAccount', 'Invoice', 'Payment', 'CardPayment'] };
