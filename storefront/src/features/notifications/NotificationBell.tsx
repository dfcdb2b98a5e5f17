import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { NotificationUnreadCountDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import './notifications.css';
import { NOTIFICATIONS_CONTEXT, UNREAD_POLL_MS } from './unreadCount';

/**
 * The header's bell beside the cart, with the number of unread notifications. It asks again on
 * every navigation and, while the tab is in view, once a minute: modest, and a new
 * notification shows by the next screen the user opens.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const { pathname } = useLocation();
  const [result, reexecute] = useQuery({ query: NotificationUnreadCountDocument, requestPolicy: 'cache-and-network', context: NOTIFICATIONS_CONTEXT });
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    reexecute({ requestPolicy: 'network-only' });
  }, [pathname, reexecute]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, UNREAD_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reexecute]);

  const count = result.data?.notificationUnreadCount ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="notification-bell"
      data-testid="notification-bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count, formatted: format.number(count) }) : t('notifications.bell')}
    >
      <svg className="notification-bell__icon" viewBox="0 0 24 24" aria-hidden focusable="false">
        <path
          d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 && (
        <span className="notification-bell__count" data-testid="notification-bell-count" aria-hidden>
          {count > 99 ? '99+' : format.number(count)}
        </span>
      )}
    </NavLink>
  );
}
