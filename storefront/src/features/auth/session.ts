/**
 * The signed-in session: access token, active organization, refresh and sign-out.
 *
 * The refresh token never reaches this code: the API keeps it in an httpOnly cookie scoped
 * to /graphql/ (set at sign-in, rotated by `tokenRefresh`, cleared by `tokensRevoke`), so a
 * script injected into the page cannot carry it off. The short-lived access token is kept in
 * localStorage so that a reload or a second tab is signed in at once; when it has expired the
 * cookie gets a new one.
 *
 * Promises:
 * - the access token is refreshed shortly before it expires (a timer, and a check before
 *   every request for tabs whose timers were throttled);
 * - a request answered 401 TOKEN_EXPIRED / INVALID_TOKEN is refreshed and retried once; if
 *   the refresh fails the session ends ("expired") and the app shows the sign-in page;
 * - at most one refresh is in flight: concurrent callers share it, and other tabs of the
 *   same browser wait on a Web Lock and adopt the access token another tab got instead of
 *   sending the cookie's refresh token again (two tabs sending the same one at once would be
 *   a reuse, and the API signs out the whole sign-in on reuse);
 * - a 403 ORGANIZATION_ACCESS_DENIED forgets the chosen organization and retries once.
 */
import { stringifyDocument } from '@urql/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expiresWithin, tokenExpiresAt } from '../../api/jwt';
import {
  TokenCreateDocument,
  TokenRefreshDocument,
  TokensRevokeDocument,
  type AccountErrorCode,
} from '../../gql/graphql';

export interface Tokens {
  access: string;
}

export type SessionEndReason = 'signedOut' | 'expired';

export interface SessionState {
  tokens: Tokens | null;
  organizationId: string | null;
  /** Why the last session ended, for the sign-in page; null while signed in. */
  endReason: SessionEndReason | null;
  /** Changes when who or for which organization changes (not on a token refresh). */
  identity: number;
}

export interface FieldError {
  field: string | null;
  code: AccountErrorCode | 'NETWORK_ERROR';
  message: string;
  /** A throttle's wait in seconds. */
  retryAfter?: number | null;
}

export interface SessionOptions {
  endpoint: string;
  fetch: typeof fetch;
  storage: Storage;
  now?: () => number;
  locks?: LockManager | undefined;
  /** Listen to other tabs' changes of the stored session (browser only). */
  eventTarget?: Pick<Window, 'addEventListener'> | undefined;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const STORAGE_KEYS = {
  access: 'b2b.access',
  organization: 'b2b.organization',
} as const;
/** Where earlier versions kept the refresh token; removed at start. */
const LEGACY_REFRESH_KEY = 'b2b.refresh';

/** Refresh this long before the access token expires. */
export const REFRESH_AHEAD_MS = 60_000;
/** Before a request, refresh first when the token has less than this left. */
const REQUEST_MARGIN_MS = 15_000;
const LOCK_NAME = 'b2b-token-refresh';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly expiryListeners = new Set<() => void>();
  private refreshing: Promise<boolean> | null = null;
  private timer: unknown = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    options.storage.removeItem(LEGACY_REFRESH_KEY);
    this.state = {
      tokens: this.readTokens(),
      organizationId: options.storage.getItem(STORAGE_KEYS.organization),
      endReason: null,
      identity: 0,
    };
    this.schedule();
    options.eventTarget?.addEventListener('storage', (event) => {
      const key = (event as StorageEvent).key;
      if (key === null || Object.values<string>(STORAGE_KEYS).includes(key)) this.syncFromStorage();
    });
  }

  // --- store protocol (useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  /**
   * Calls `listener` when the session is about to end because it expired, while the state
   * still has its tokens and the page still shows what the user was doing (to keep it).
   */
  beforeExpire(listener: () => void): () => void {
    this.expiryListeners.add(listener);
    return () => this.expiryListeners.delete(listener);
  }

  // --- sign in / out ---

  /** Signs in; resolves to the API's errors (empty on success). */
  async signIn(email: string, password: string): Promise<FieldError[]> {
    let result: GraphQLResponse<{
      tokenCreate: { token: string | null; errors: FieldError[] } | null;
    }>;
    try {
      result = await this.post(TokenCreateDocument, { email, password });
    } catch {
      return [{ field: null, code: 'NETWORK_ERROR', message: '' }];
    }
    const payload = result.data?.tokenCreate;
    if (payload?.token) {
      this.adoptToken(payload.token);
      return [];
    }
    if (payload?.errors.length) return payload.errors;
    return [{ field: null, code: 'GRAPHQL_ERROR', message: result.errors?.[0]?.message ?? '' }];
  }

  /**
   * Starts a session from an access token the API issued elsewhere (accepting an invitation
   * signs the new member in and sets the refresh cookie). The organization is chosen afresh
   * for the new identity.
   */
  adoptToken(access: string): void {
    const tokens = { access };
    this.writeTokens(tokens);
    this.update({ tokens, endReason: null, identity: this.state.identity + 1 });
    this.schedule();
  }

  /**
   * Forgets the session and revokes the sign-in (best effort): the API revokes the cookie's
   * refresh token, stops the access tokens issued so far and clears the cookie.
   */
  async signOut(): Promise<void> {
    const tokens = this.state.tokens;
    this.end('signedOut');
    if (tokens) {
      try {
        await this.post(TokensRevokeDocument, {});
      } catch {
        // Offline: the refresh token expires on its own; nothing is kept locally.
      }
    }
  }

  /** Chooses the organization to act for; every query runs again for it. */
  setOrganization(id: string | null): void {
    if (id === this.state.organizationId) return;
    this.writeOrganization(id);
    this.update({ organizationId: id, identity: this.state.identity + 1 });
  }

  /**
   * Records the organization the API already acts for (the only membership), so that the
   * next load can send it with its first requests; nothing is fetched again.
   */
  rememberOrganization(id: string): void {
    if (id === this.state.organizationId) return;
    this.writeOrganization(id);
    this.update({ organizationId: id });
  }

  // --- refresh ---

  /** Refreshes the token pair; concurrent calls share one request. Resolves to success. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      const known = this.state.tokens;
      this.refreshing = this.withLock(() => this.rotate(known)).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async rotate(known: Tokens | null): Promise<boolean> {
    const stored = this.readTokens();
    if (!stored) {
      if (this.state.tokens) this.end('expired');
      return false;
    }
    // Another tab refreshed while we waited for the lock: use its access token.
    if (stored.access !== known?.access && !expiresWithin(stored.access, REQUEST_MARGIN_MS, this.now())) {
      this.update({ tokens: stored });
      this.schedule();
      return true;
    }
    let result: GraphQLResponse<{ tokenRefresh: { token: string | null } | null }>;
    try {
      // No argument: the API reads (and rotates) the httpOnly refresh cookie.
      result = await this.post(TokenRefreshDocument, {});
    } catch {
      return false; // offline: keep the session and try again later
    }
    const payload = result.data?.tokenRefresh;
    if (payload?.token) {
      const tokens = { access: payload.token };
      this.writeTokens(tokens);
      this.update({ tokens });
      this.schedule();
      return true;
    }
    this.end('expired');
    return false;
  }

  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = this.options.locks;
    // The lock's promise settles with the task's result (its own typing nests the promise).
    return locks ? (locks.request(LOCK_NAME, task) as unknown as Promise<T>) : task();
  }

  private schedule(): void {
    const clear = this.options.clearTimer ?? ((handle) => clearTimeout(handle as number));
    const set = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    if (this.timer !== null) clear(this.timer);
    this.timer = null;
    const expiresAt = this.state.tokens ? tokenExpiresAt(this.state.tokens.access) : null;
    if (expiresAt === null) return;
    const delay = Math.max(expiresAt - this.now() - REFRESH_AHEAD_MS, 1_000);
    this.timer = set(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  // --- authorized fetch for the GraphQL client ---

  /** `fetch` with the session's headers, refresh-and-retry on 401, org reset on 403. */
  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const tokens = this.state.tokens;
    if (tokens && expiresWithin(tokens.access, REQUEST_MARGIN_MS, this.now())) {
      await this.refresh();
    }
    let response = await this.options.fetch(input, this.authorize(init));
    if (response.status === 401 && this.state.tokens) {
      const code = await errorCode(response);
      if (code === 'TOKEN_EXPIRED' || code === 'INVALID_TOKEN') {
        if (await this.refresh()) {
          response = await this.options.fetch(input, this.authorize(init));
          if (response.status === 401) this.end('expired');
        }
      }
    } else if (response.status === 403 && this.state.organizationId) {
      if ((await errorCode(response)) === 'ORGANIZATION_ACCESS_DENIED') {
        this.setOrganization(null);
        response = await this.options.fetch(input, this.authorize(init));
      }
    }
    return response;
  };

  private authorize(init: RequestInit): RequestInit {
    const headers = new Headers(init.headers);
    const { tokens, organizationId } = this.state;
    if (tokens) headers.set('Authorization', `Bearer ${tokens.access}`);
    else headers.delete('Authorization');
    if (tokens && organizationId) headers.set('X-Organization', organizationId);
    else headers.delete('X-Organization');
    return { ...init, headers };
  }

  private async post<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphQLResponse<TData>> {
    const response = await this.options.fetch(this.options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: stringifyDocument(document), variables }),
    });
    return (await response.json()) as GraphQLResponse<TData>;
  }

  // --- state and storage ---

  private end(reason: SessionEndReason): void {
    const { storage } = this.options;
    if (reason === 'expired' && this.state.tokens) for (const listener of this.expiryListeners) listener();
    storage.removeItem(STORAGE_KEYS.access);
    // A deliberate sign-out forgets the organization too; an expired session keeps it for
    // the same person signing in again (a stale choice is reset by the 403 retry).
    if (reason === 'signedOut') storage.removeItem(STORAGE_KEYS.organization);
    if (this.timer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as number)))(this.timer);
    this.timer = null;
    this.update({
      tokens: null,
      organizationId: reason === 'signedOut' ? null : this.state.organizationId,
      endReason: reason,
      identity: this.state.identity + 1,
    });
  }

  private syncFromStorage(): void {
    const tokens = this.readTokens();
    const organizationId = this.options.storage.getItem(STORAGE_KEYS.organization);
    const signedInChanged = (tokens === null) !== (this.state.tokens === null);
    const organizationChanged = organizationId !== this.state.organizationId;
    if (!signedInChanged && !organizationChanged) {
      if (tokens && tokens.access !== this.state.tokens?.access) {
        this.update({ tokens });
        this.schedule();
      }
      return;
    }
    this.update({
      tokens,
      organizationId,
      endReason: tokens ? null : 'signedOut',
      identity: this.state.identity + 1,
    });
    this.schedule();
  }

  private readTokens(): Tokens | null {
    const access = this.options.storage.getItem(STORAGE_KEYS.access);
    return access ? { access } : null;
  }

  private writeTokens(tokens: Tokens): void {
    this.options.storage.setItem(STORAGE_KEYS.access, tokens.access);
  }

  private writeOrganization(id: string | null): void {
    if (id) this.options.storage.setItem(STORAGE_KEYS.organization, id);
    else this.options.storage.removeItem(STORAGE_KEYS.organization);
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as GraphQLResponse<unknown>;
    return body.errors?.[0]?.extensions?.code;
  } catch {
    return undefined;
  }
}
