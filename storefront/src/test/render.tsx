/**
 * Renders screens as the app does: i18n, a session over a fake /graphql/ endpoint, and the
 * router. The fake answers each operation by name and records the calls.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { vi } from 'vitest';
import { AppRoutes } from '../App';
import { Session, STORAGE_KEYS } from '../features/auth/session';
import { SessionProvider } from '../features/auth/SessionProvider';
import { createI18n, type Language } from '../i18n';
import { NO_ANNOUNCEMENTS } from './fixtures';
import { fakeJwt } from './jwt';

export interface ApiCall {
  operation: string;
  variables: Record<string, unknown>;
  organization: string | null;
  /** The files of a multipart request (an upload), in the order sent. */
  files?: File[];
}

export type Answer = unknown | ((call: ApiCall) => unknown);

/** Answers: operation name → `data` (or a function of the call returning it). */
export function fakeGraphQL(answers: Record<string, Answer>) {
  const calls: ApiCall[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    // An upload travels as a GraphQL multipart request: the operation in `operations`, the files beside it.
    const form = init?.body instanceof FormData ? init.body : null;
    const text = form ? String(form.get('operations')) : String(init?.body);
    const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    const call: ApiCall = {
      operation,
      variables: body.variables ?? {},
      organization: new Headers(init?.headers).get('X-Organization'),
      ...(form ? { files: [...form.values()].filter((value): value is File => value instanceof File) } : {}),
    };
    calls.push(call);
    const answer = answers[operation];
    if (answer === undefined) throw new Error(`the test gave no answer for ${operation}`);
    const result = typeof answer === 'function' ? (answer as (call: ApiCall) => unknown)(call) : answer;
    if (result instanceof Response) return result;
    // `{ errors: [...] }` is sent as it is; anything else is the operation's `data`.
    const payload = result && typeof result === 'object' && 'errors' in result ? result : { data: result };
    return new Response(JSON.stringify(payload), { headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch, calls };
}

/** The router's address as text, and a Back button that steps back as the browser's would. */
export function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <output data-testid="location">{`${location.pathname}${location.search}`}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        test: back
      </button>
    </div>
  );
}

/** The search params of the address LocationProbe shows. */
export function shownSearchParams(): URLSearchParams {
  const text = document.querySelector('[data-testid="location"]')?.textContent ?? '';
  return new URLSearchParams(text.split('?')[1] ?? '');
}

export function renderApp({
  path,
  answers,
  signedIn = true,
  organization,
  language = 'ru',
  element,
  showLocation = false,
}: {
  path: string;
  answers: Record<string, Answer>;
  signedIn?: boolean;
  organization?: string;
  language?: Language;
  element?: ReactElement;
  /** Also render LocationProbe, to read the URL and go Back. */
  showLocation?: boolean;
}) {
  // Every signed-in screen asks for the unread announcements (the header) and the catalog for
  // its products' announcements: none, unless the test answers otherwise.
  // An approver's header also asks how many orders wait for it: none, unless answered.
  // The header's bell asks for the unread notifications: none, unless answered.
  const api = fakeGraphQL({
    ...NO_ANNOUNCEMENTS,
    OrderApprovalsCount: { orderApprovals: { totalCount: 0 } },
    NotificationUnreadCount: { notificationUnreadCount: 0 },
    // The header's balance widget (a member who sees invoices): no credit account.
    CreditBalance: { creditAccount: null },
    ...answers,
  });
  const storage = window.localStorage;
  if (signedIn) {
    storage.setItem(STORAGE_KEYS.access, fakeJwt({ exp: Date.now() / 1000 + 900 }));
  }
  if (organization) storage.setItem(STORAGE_KEYS.organization, organization);
  const session = new Session({ endpoint: '/graphql/', fetch: api.fetch, storage });
  const i18n = createI18n(language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={[path]}>
          {element ?? <AppRoutes />}
          {showLocation && <LocationProbe />}
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  );
  return { ...utils, api, session, i18n };
}
