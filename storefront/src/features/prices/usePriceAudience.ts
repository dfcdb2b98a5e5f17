import { useSession } from '../auth/SessionProvider';
import { useOptionalViewer } from '../auth/ViewerProvider';

/**
 * Who is looking, as far as prices go: a signed-out visitor (asked to sign in); a user acting
 * for no buying organization, such as staff or the manufacturer, who buys from nobody (the API
 * prices what a partner buys from its seller); a partner (its own prices, or «по запросу»); or
 * not yet known (`me` loading: nothing is said yet).
 */
export type PriceAudience = 'pending' | 'signedOut' | 'notBuying' | 'partner';

export function usePriceAudience(): PriceAudience {
  const { state } = useSession();
  const viewer = useOptionalViewer();
  if (!state.tokens) return 'signedOut';
  if (!viewer?.me) return viewer?.error ? 'partner' : 'pending';
  const organization = viewer.organization ?? viewer.memberships[0]?.organization ?? null;
  return organization && organization.kind !== 'MANUFACTURER' ? 'partner' : 'notBuying';
}

/** Whether prices can be asked for (the price sort and range are offered and sent). */
export function seesPrices(audience: PriceAudience): boolean {
  return audience === 'partner';
}
