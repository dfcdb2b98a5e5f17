import type { MeQuery } from '../../gql/graphql';
import { hasPermission } from '../network/access';

type Me = NonNullable<MeQuery['me']>;

/**
 * Whether the viewer has a cart of its own: the active membership may place orders. Who orders
 * for a client does so from /checkout's picker; the API decides either way.
 */
export function hasCart(me: Me | null, organizationId: string | null | undefined): boolean {
  return hasPermission(me, organizationId, 'PLACE_ORDERS');
}
