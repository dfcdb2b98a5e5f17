import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { MeDocument, type MeQuery } from '../../gql/graphql';
import { useLatest } from '../../lib/useLatest';
import { useSession } from './SessionProvider';

type Me = NonNullable<MeQuery['me']>;
export type Membership = Me['memberships'][number];

export interface Viewer {
  me: Me | null;
  /** The organization requests act for, once known. */
  organization: Me['activeOrganization'];
  memberships: Membership[];
  fetching: boolean;
  error: CombinedError | undefined;
  /** True when requests carry the right organization and screens may load their data. */
  ready: boolean;
  retry: () => void;
  switchOrganization: (id: string) => void;
}

const ViewerContext = createContext<Viewer | null>(null);

/**
 * Loads `me` for a signed-in user and settles the organization to act for: the remembered
 * one if still a membership, else the API's active one, else the first membership.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { session, state } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeDocument,
    pause: !state.tokens,
  });
  // While `me` reloads for a newly chosen organization, the header keeps the last answer.
  const me = useLatest(data?.me) ?? null;
  const memberships = useMemo(() => me?.memberships ?? [], [me]);

  useEffect(() => {
    if (!me) return;
    const ids = memberships.map((m) => m.organization.id);
    const active = me.activeOrganization?.id ?? null;
    if (state.organizationId && ids.includes(state.organizationId)) {
      return;
    }
    if (active) session.rememberOrganization(active);
    else if (ids[0]) session.setOrganization(ids[0]);
  }, [me, memberships, session, state.organizationId]);

  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const switchOrganization = useCallback((id: string) => session.setOrganization(id), [session]);

  // Screens may load once requests carry the right organization: a remembered one, or none
  // needed (one membership, or none at all), as `me` has told.
  const organizationKnown =
    state.organizationId !== null || (data !== undefined && memberships.length <= 1);
  const value = useMemo<Viewer>(
    () => ({
      me,
      organization: me?.activeOrganization ?? null,
      memberships,
      fetching,
      error,
      ready: Boolean(state.tokens) && organizationKnown,
      retry,
      switchOrganization,
    }),
    [me, memberships, fetching, error, state.tokens, organizationKnown, retry, switchOrganization],
  );
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer() outside <ViewerProvider>');
  return value;
}

/** The viewer where a screen may also be shown outside the signed-in shell; else null. */
export function useOptionalViewer(): Viewer | null {
  return useContext(ViewerContext);
}
