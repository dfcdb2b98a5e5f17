/**
 * Who is offered which finance screen, mirrored from the API (plugins/credit/visibility.py
 * decides which rows): a member acting for the buyer sees the account's figures when it may
 * order, approve, see invoices or pay them; the invoices and payments themselves only with
 * VIEW_INVOICES or MANAGE_PAYMENTS. This only decides what is asked for and linked.
 */
import type { MeQuery, OrgPerm } from '../../gql/graphql';
import { hasPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

const FIGURES: OrgPerm[] = ['VIEW_INVOICES', 'MANAGE_PAYMENTS', 'PLACE_ORDERS', 'APPROVE_ORDERS'];
const DOCUMENTS: OrgPerm[] = ['VIEW_INVOICES', 'MANAGE_PAYMENTS'];

function memberWithAny(me: Me | null, organizationId: string | null | undefined, permissions: OrgPerm[]): boolean {
  const member = Boolean(me?.memberships.some((m) => m.organization.id === organizationId));
  return member && permissions.some((permission) => hasPermission(me, organizationId, permission));
}

/** The header's balance and /finance's figures. */
export function canViewFinance(me: Me | null, organizationId: string | null | undefined): boolean {
  return memberWithAny(me, organizationId, FIGURES);
}

/** /finance's invoices, one invoice, the payments. */
export function canViewInvoices(me: Me | null, organizationId: string | null | undefined): boolean {
  return memberWithAny(me, organizationId, DOCUMENTS);
}

/**
 * The account, its invoices and payments change together (a card payment, a refetch after
 * one): the queries name the types so that urql's document cache refetches them all.
 */
export const FINANCE_CONTEXT = { additionalTypenames: ['CreditAccount', 'Invoice', 'Payment', 'CardPayment'] };
