import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { GRAPHQL_ENDPOINT } from './api/client';
import { Session } from './features/auth/session';
import { SessionProvider } from './features/auth/SessionProvider';
import { createI18n, storedLanguage } from './i18n';
import { preloadFor } from './routes';
import './ui/ui.css';
import './app.css';

const session = new Session({
  endpoint: GRAPHQL_ENDPOINT,
  fetch: window.fetch.bind(window),
  storage: window.localStorage,
  locks: navigator.locks,
  eventTarget: window,
});
preloadFor(window.location.pathname, session.getState().tokens !== null);

const i18n = createI18n(storedLanguage(window.localStorage), window.localStorage);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SessionProvider session={session}>
        <App />
      </SessionProvider>
    </I18nextProvider>
  </StrictMode>,
);
