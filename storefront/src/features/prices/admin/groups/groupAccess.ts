import type { PriceManagement } from '../access';

/**
 * Whether the viewer may change this group: a partner sees only its own groups; staff see
 * every organization's but change only the manufacturer's (the API refuses the rest, NOT_OWNER).
 */
export function editableGroup(group: { owner?: { kind: string } | null }, management: PriceManagement): boolean {
  if (!management.canEdit) return false;
  return management.scope === 'partner' || group.owner?.kind === 'MANUFACTURER';
}
