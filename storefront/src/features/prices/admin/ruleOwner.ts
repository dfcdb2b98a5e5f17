/**
 * Whose rules a price screen lists. Staff see every organization's rows and a partner also
 * sees its seller's promotions that reach it (price_rules/visibility.py), but the screens
 * edit the viewer's own: the partner's organization, or the manufacturer for staff.
 */
import { useViewer } from '../../auth/ViewerProvider';
import type { PriceManagement } from './access';

export function useRuleOwner(management: PriceManagement): string | null {
  const { me, organization } = useViewer();
  if (management.scope === 'partner') return organization?.id ?? null;
  const manufacturer = me?.memberships.find((m) => m.organization.kind === 'MANUFACTURER');
  return manufacturer?.organization.id ?? null;
}
