import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { tokenEmail } from '../../api/jwt';
import { Alert, Button } from '../../ui';
import { draftFor, dropDraft, fillDraft, firstField, saveDraft, type FormDraft } from './formDrafts';
import { useSession } from './SessionProvider';
import { rememberSignInEmail } from './signInEmail';
import './auth.css';

/** The key of a page's draft: its address, as the sign-in page's `next` returns to it. */
export function routeKey(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/**
 * Inside the signed-in screens: when the session expires, keeps the e-mail and the open
 * page's unsaved form fields (formDrafts.ts); when the same person is back on that page
 * after signing in, fills them in again, once the form is on the page, and says so.
 */
export function KeepWorkOnExpiry() {
  const { t } = useTranslation();
  const { session, state } = useSession();
  const location = useLocation();
  const route = routeKey(location);
  const routeRef = useRef(route);
  routeRef.current = route;
  const [restored, setRestored] = useState<{ route: string; draft: FormDraft } | null>(null);
  const email = state.tokens ? tokenEmail(state.tokens.access) : null;

  useEffect(
    () =>
      session.beforeExpire(() => {
        const expiring = tokenEmail(session.getState().tokens?.access ?? '');
        rememberSignInEmail(window.sessionStorage, expiring);
        saveDraft(window.sessionStorage, document, routeRef.current, expiring);
      }),
    [session],
  );

  useEffect(() => {
    const storage = window.sessionStorage;
    const draft = draftFor(storage, route);
    if (!draft) return;
    if (draft.email !== email) {
      // Someone else signed in on this tab: their predecessor's input is not theirs to see.
      dropDraft(storage, route);
      return;
    }
    const observer = new MutationObserver(() => attempt());
    function attempt() {
      if (!draft || !fillDraft(document, draft)) return;
      observer.disconnect();
      dropDraft(storage, route);
      setRestored({ route, draft });
    }
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['value'] });
    attempt();
    return () => observer.disconnect();
  }, [route, email]);

  if (restored?.route !== route) return null;
  // The form may be below the fold (the members page's invite form), and the page may still be
  // growing above it: scrolled to on request, not at once.
  const showForm = () => {
    const field = firstField(document, restored.draft);
    field?.scrollIntoView?.({ block: 'center' });
    if (field instanceof HTMLElement) field.focus({ preventScroll: true });
  };
  return (
    <div className="draft-restored">
      <Alert
        tone="success"
        action={
          <>
            <Button variant="secondary" onClick={showForm}>
              {t('auth.draftShow')}
            </Button>
            <Button variant="ghost" onClick={() => setRestored(null)}>
              {t('auth.draftDismiss')}
            </Button>
          </>
        }
      >
        {t('auth.draftRestored')}
      </Alert>
    </div>
  );
}
