/** The unit statuses of issue 14 in their order along the way, with LineUnits' field for each. */
import type { LineUnitsPartsFragment } from '../../gql/graphql';
import { compareDecimal } from '../prices/decimal';

/** The schema's UnitStatus (no document of the storefront names the enum itself yet). */
export type UnitStatus = 'PENDING' | 'IN_PRODUCTION' | 'READY' | 'SHIPPED' | 'DELIVERED' | 'AT_DEALER' | 'SOLD' | 'CANCELLED';

export const UNIT_STATUSES: ReadonlyArray<[UnitStatus, keyof Omit<LineUnitsPartsFragment, '__typename'>]> = [
  ['PENDING', 'pending'],
  ['IN_PRODUCTION', 'inProduction'],
  ['READY', 'ready'],
  ['SHIPPED', 'shipped'],
  ['DELIVERED', 'delivered'],
  ['AT_DEALER', 'atDealer'],
  ['SOLD', 'sold'],
  ['CANCELLED', 'cancelled'],
];

export interface UnitPart {
  status: UnitStatus;
  quantity: string;
  /** The part's share of the line's units, 0-100, for the bar's segment width only. */
  percent: number;
}

/** The statuses that hold units, in order, with their shares of the whole. */
export function unitParts(units: LineUnitsPartsFragment): UnitPart[] {
  const held = UNIT_STATUSES.filter(([, field]) => compareDecimal(units[field], '0') > 0).map(([status, field]) => ({
    status,
    quantity: units[field],
  }));
  // Widths only: the figures shown are the API's strings, never these floats.
  const total = held.reduce((sum, part) => sum + Number(part.quantity), 0);
  return held.map((part) => ({ ...part, percent: total > 0 ? (Number(part.quantity) / total) * 100 : 0 }));
}
