/** A line's units per status, in the order a line moves through them. */
import type { ModerationUnitsFragment, UnitStatus } from '../../gql/graphql';
import { compareDecimal } from '../prices/decimal';

export const UNIT_FIELDS: Array<[UnitStatus, keyof Omit<ModerationUnitsFragment, '__typename'>]> = [
  ['PENDING', 'pending'],
  ['IN_PRODUCTION', 'inProduction'],
  ['READY', 'ready'],
  ['SHIPPED', 'shipped'],
  ['DELIVERED', 'delivered'],
  ['AT_DEALER', 'atDealer'],
  ['SOLD', 'sold'],
  ['CANCELLED', 'cancelled'],
];

/** The statuses holding units, with their quantities. */
export function heldUnits(units: ModerationUnitsFragment): Array<{ status: UnitStatus; quantity: string }> {
  return UNIT_FIELDS.filter(([, field]) => compareDecimal(units[field], '0') > 0).map(([status, field]) => ({ status, quantity: units[field] }));
}
