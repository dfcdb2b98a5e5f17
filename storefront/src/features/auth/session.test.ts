import { describe, expect, it, vi } from 'vitest';
import { fakeJwt } from '../../test/jwt';
import { Session, STORAGE_KEYS, type SessionOptions } from './session';

const NOW = 1_800_000_000_000;
const inMinutes = (minutes: number) => fakeJwt({ exp: (NOW + minutes * 60_000) / 1000 });

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

interface Call {
  operation: string;
  variables: Record<string, unknown>;
  authorization: string | null;
  organization: string | null;
}

type Handler = (call: Call) => Response | Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const apiError = (code: string, status: number) => json({ errors: [{ message: code, extensions: { code } }] }, status);

/** A stand-in for /graphql/ that records every call and answers per operation name. */
function fakeApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    const headers = new Headers(init?.headers);
    const call = {
      operation,
      variables: body.variables ?? {},
      authorization: headers.get('Authorization'),
      organization: headers.get('X-Organization'),
    };
    calls.push(call);
    const handler = handlers[operation];
    if (!handler) throw new Error(`unexpected operation ${operation}`);
    return handler(call);
  });
  return { calls, fetch };
}

function makeSession(fetch: typeof globalThis.fetch, storage = new MemoryStorage(), extra: Partial<SessionOptions> = {}) {
  const session = new Session({
    endpoint: '/graphql/',
    fetch,
    storage,
    now: () => NOW,
    setTimer: () => 0,
    clearTimer: () => undefined,
    ...extra,
  });
  return { session, storage };
}

function signedInStorage(access: string, organization?: string) {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEYS.access, access);
  if (organization) storage.setItem(STORAGE_KEYS.organization, organization);
  return storage;
}

const meQuery = JSON.stringify({ query: 'query Me { me { user { email } } }' });
const callMe = (session: Session) => session.fetch('/graphql/', { method: 'POST', body: meQuery });

describe('signing in', () => {
  it('keeps the access token, never a refresh token, and starts a new identity', async () => {
    const access = inMinutes(15);
    const api = fakeApi({
      // The API also sets the refresh token's httpOnly cookie, which the page cannot see.
      TokenCreate: () => json({ data: { tokenCreate: { token: access, errors: [] } } }),
    });
    const { session, storage } = makeSession(api.fetch);
    const before = session.getState().identity;

    expect(await session.signIn('dealer1.buyer@demo.local', 'demo12345')).toEqual([]);

    expect(session.getState().tokens).toEqual({ access });
    expect(session.getState().identity).toBe(before + 1);
    expect(storage.getItem(STORAGE_KEYS.access)).toBe(access);
    expect(storage.length).toBe(1);
    expect(api.calls[0]?.variables).toEqual({ email: 'dealer1.buyer@demo.local', password: 'demo12345' });
  });

  it('forgets a refresh token an earlier version left in storage', () => {
    const storage = signedInStorage(inMinutes(15));
    storage.setItem('b2b.refresh', 'old-refresh');

    makeSession(fakeApi({}).fetch, storage);

    expect(storage.getItem('b2b.refresh')).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.access)).not.toBeNull();
  });

  it('returns the API errors for a wrong password and stays signed out', async () => {
    const error = { field: 'password', code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password.' };
    const api = fakeApi({
      TokenCreate: () => json({ data: { tokenCreate: { token: null, errors: [error] } } }),
    });
    const { session } = makeSession(api.fetch);

    expect(await session.signIn('a@b.c', 'nope')).toEqual([error]);
    expect(session.getState().tokens).toBeNull();
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const { session } = makeSession(vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    expect((await session.signIn('a@b.c', 'x'))[0]?.code).toBe('NETWORK_ERROR');
  });
});

describe('authorized requests', () => {
  it('send the access token and the chosen organization', async () => {
    const access = inMinutes(15);
    const api = fakeApi({ Me: () => json({ data: { me: null } }) });
    const { session } = makeSession(api.fetch, signedInStorage(access, 'T3JnOjI='));

    await callMe(session);

    expect(api.calls[0]).toMatchObject({ authorization: `Bearer ${access}`, organization: 'T3JnOjI=' });
  });

  it('refresh once for concurrent requests answered TOKEN_EXPIRED, then retry each', async () => {
    const fresh = inMinutes(15);
    const api = fakeApi({
      Me: ({ authorization }) =>
        authorization === `Bearer ${fresh}` ? json({ data: { me: {} } }) : apiError('TOKEN_EXPIRED', 401),
      TokenRefresh: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json({ data: { tokenRefresh: { token: fresh, errors: [] } } });
      },
    });
    const { session, storage } = makeSession(api.fetch, signedInStorage('not-a-jwt'));

    const responses = await Promise.all([callMe(session), callMe(session), callMe(session)]);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const refreshes = api.calls.filter((c) => c.operation === 'TokenRefresh');
    expect(refreshes).toHaveLength(1);
    // No argument: the API takes the refresh token from its httpOnly cookie.
    expect(refreshes[0]?.variables).toEqual({});
    expect(refreshes[0]?.authorization).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.access)).toBe(fresh);
  });

  it('refresh before the request when the access token is about to expire', async () => {
    const fresh = inMinutes(15);
    const api = fakeApi({
      TokenRefresh: () => json({ data: { tokenRefresh: { token: fresh, errors: [] } } }),
      Me: () => json({ data: { me: {} } }),
    });
    const { session } = makeSession(api.fetch, signedInStorage(fakeJwt({ exp: (NOW + 5_000) / 1000 })));

    await callMe(session);

    expect(api.calls.map((c) => c.operation)).toEqual(['TokenRefresh', 'Me']);
    expect(api.calls[1]?.authorization).toBe(`Bearer ${fresh}`);
  });

  it('end the session as expired when the refresh token is refused', async () => {
    const api = fakeApi({
      Me: () => apiError('INVALID_TOKEN', 401),
      TokenRefresh: () =>
        json({ data: { tokenRefresh: { token: null, errors: [{ code: 'TOKEN_REUSED' }] } } }),
    });
    const { session, storage } = makeSession(api.fetch, signedInStorage('bad', 'T3JnOjI='));

    const response = await callMe(session);

    expect(response.status).toBe(401);
    expect(session.getState()).toMatchObject({ tokens: null, endReason: 'expired' });
    expect(storage.getItem(STORAGE_KEYS.access)).toBeNull();
    expect(api.calls.filter((c) => c.operation === 'Me')).toHaveLength(1);
  });

  it('let the page keep its work just before an expired session ends, not on a sign-out', async () => {
    const api = fakeApi({
      Me: () => apiError('INVALID_TOKEN', 401),
      TokenRefresh: () => json({ data: { tokenRefresh: { token: null, errors: [{ code: 'INVALID_TOKEN' }] } } }),
      TokensRevoke: () => json({ data: { tokensRevoke: { revoked: true, errors: [] } } }),
    });
    const { session } = makeSession(api.fetch, signedInStorage('bad'));
    const seen: Array<string | null> = [];
    const stop = session.beforeExpire(() => seen.push(session.getState().tokens?.access ?? null));

    await callMe(session);
    expect(seen).toEqual(['bad']);

    session.adoptToken(inMinutes(10));
    await session.signOut();
    stop();
    session.adoptToken('bad');
    await callMe(session);
    expect(seen).toEqual(['bad']);
  });

  it('keep the session when the refresh cannot reach the server', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      if (String(init?.body).includes('TokenRefresh')) throw new TypeError('Failed to fetch');
      return apiError('TOKEN_EXPIRED', 401);
    });
    const { session } = makeSession(fetch, signedInStorage('old'));

    await callMe(session);

    expect(session.getState().tokens).not.toBeNull();
    expect(session.getState().endReason).toBeNull();
  });

  it('forget an organization the user no longer belongs to and retry without it', async () => {
    const api = fakeApi({
      Me: ({ organization }) => (organization ? apiError('ORGANIZATION_ACCESS_DENIED', 403) : json({ data: { me: {} } })),
    });
    const { session, storage } = makeSession(api.fetch, signedInStorage(inMinutes(15), 'T3JnOjk5'));

    const response = await callMe(session);

    expect(response.status).toBe(200);
    expect(api.calls.map((c) => c.organization)).toEqual(['T3JnOjk5', null]);
    expect(session.getState().organizationId).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.organization)).toBeNull();
  });
});

describe('refresh across tabs and over time', () => {
  it('adopts the access token another tab already got instead of sending the cookie again', async () => {
    const api = fakeApi({});
    const storage = signedInStorage(inMinutes(0.1));
    const { session } = makeSession(api.fetch, storage);
    // Another tab refreshed (rotating the shared cookie): storage holds its access token.
    const rotated = inMinutes(15);
    storage.setItem(STORAGE_KEYS.access, rotated);

    expect(await session.refresh()).toBe(true);

    expect(api.calls).toHaveLength(0);
    expect(session.getState().tokens).toEqual({ access: rotated });
  });

  it('refreshes through the cookie when no other tab has a fresh access token', async () => {
    const fresh = inMinutes(15);
    const api = fakeApi({ TokenRefresh: () => json({ data: { tokenRefresh: { token: fresh, errors: [] } } }) });
    const { session } = makeSession(api.fetch, signedInStorage(inMinutes(0.1)));

    expect(await session.refresh()).toBe(true);

    expect(api.calls.map((c) => [c.operation, c.variables])).toEqual([['TokenRefresh', {}]]);
    expect(session.getState().tokens).toEqual({ access: fresh });
  });

  it('holds the refresh in a Web Lock shared by the tabs', async () => {
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => task());
    const api = fakeApi({
      TokenRefresh: () => json({ data: { tokenRefresh: { token: inMinutes(15), errors: [] } } }),
    });
    const { session } = makeSession(api.fetch, signedInStorage(inMinutes(15)), {
      locks: { request } as unknown as LockManager,
    });

    await session.refresh();

    expect(request).toHaveBeenCalledWith('b2b-token-refresh', expect.any(Function));
  });

  it('schedules the next refresh a minute before the access token expires', () => {
    const setTimer = vi.fn(() => 1);
    makeSession(fakeApi({}).fetch, signedInStorage(inMinutes(15)), { setTimer });

    expect(setTimer).toHaveBeenCalledWith(expect.any(Function), 14 * 60_000);
  });
});

describe('signing out', () => {
  it("revokes the cookie's sign-in and forgets the session and organization", async () => {
    const api = fakeApi({ TokensRevoke: () => json({ data: { tokensRevoke: { revoked: true, errors: [] } } }) });
    const { session, storage } = makeSession(api.fetch, signedInStorage(inMinutes(15), 'T3JnOjI='));

    await session.signOut();

    expect(api.calls[0]).toMatchObject({ operation: 'TokensRevoke', variables: {} });
    expect(session.getState()).toMatchObject({ tokens: null, organizationId: null, endReason: 'signedOut' });
    expect(storage.length).toBe(0);
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const { session } = makeSession(vi.fn().mockRejectedValue(new TypeError('offline')), signedInStorage(inMinutes(15)));

    await session.signOut();

    expect(session.getState().tokens).toBeNull();
  });
});
