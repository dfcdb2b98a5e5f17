import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { AnnouncementsUnreadCountDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { ANNOUNCEMENT_TYPENAMES } from './cache';

/** The main navigation's link to the feed (the home screen), with the number of unread ones. */
export function NewsNavLink() {
  const { t } = useTranslation();
  const format = useFormat();
  const { pathname } = useLocation();
  const [result] = useQuery({ query: AnnouncementsUnreadCountDocument, context: ANNOUNCEMENT_TYPENAMES });
  const unread = result.data?.announcementsUnreadCount ?? 0;
  const label = t('shell.nav.news');
  const active = pathname === '/' || pathname.startsWith('/news/') || pathname.startsWith('/announcements');
  return (
    <NavLink
      to="/"
      end
      className={() => (active ? 'shell__nav-link active' : 'shell__nav-link')}
      aria-label={unread > 0 ? t('shell.nav.newsUnread', { label, count: unread }) : undefined}
      data-testid="news-nav"
    >
      {label}
      {unread > 0 && (
        <span className="shell__nav-count" aria-hidden>
          {format.number(unread)}
        </span>
      )}
    </NavLink>
  );
}
