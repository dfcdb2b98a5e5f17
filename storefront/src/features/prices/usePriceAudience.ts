import { useSession } from '../auth/SessionProvider';
import { useOptionalViewer } from '../auth/ViewerProvider';

/**
 * Who is looking, as far as prices go: a signed-out visitor (asked to sign in), a user of no
 * partner organization such as staff (the API prices for an organization), a partner (its own
 * prices, or «по запросу»), or not yet known (`me` loading: nothing is said yet).
 */
export type PriceAudience = 'pending' | 'signedOut' | 'noOrganization' | 'partner';

export function usePriceAudience(): PriceAudience {
  const { state } = useSession();
  const viewer = useOptionalViewer();
  if (!state.tokens) return 'signedOut';
  if (!viewer?.me) return viewer?.error ? 'partner' : 'pending';
  return viewer.organization || viewer.memberships.length > 0 ? 'partner' : 'noOrganization';
}

/** Whether prices can be asked for (sort and filter by price are refused otherwise). */
export function seesPrices(audience: PriceAudience): boolean {
  return audience === 'partner';
}
