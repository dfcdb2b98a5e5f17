import type { PriceAssignmentRowFragment } from '../../../../gql/graphql';

export type TargetKind = 'organization' | 'priceGroup' | 'region' | 'ownerDefault';

/** The most specific first: the order in which the API picks a buyer's list. */
export const TARGET_KINDS: TargetKind[] = ['organization', 'priceGroup', 'region', 'ownerDefault'];

export interface Target {
  kind: TargetKind;
  /** The organization's, group's or region's name; null for the owner's default. */
  name: string | null;
}

/** Whom an assignment gives its list to (the API holds exactly one target). */
export function targetOf(row: Pick<PriceAssignmentRowFragment, 'organization' | 'priceGroup' | 'region' | 'isOwnerDefault'>): Target {
  if (row.organization) return { kind: 'organization', name: row.organization.name };
  if (row.priceGroup) return { kind: 'priceGroup', name: row.priceGroup.name };
  if (row.region) return { kind: 'region', name: row.region };
  return { kind: 'ownerDefault', name: null };
}
