import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../../api/client';
import type { Session, SessionState } from './session';

interface SessionContextValue {
  session: Session;
  state: SessionState;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Provides the session and a GraphQL client made anew for each user and organization. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  // A new client (empty cache) whenever who or for which organization changes.
  const client = useMemo(() => createApiClient(session), [session, state.identity]);
  const value = useMemo(() => ({ session, state }), [session, state]);
  return (
    <SessionContext.Provider value={value}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
