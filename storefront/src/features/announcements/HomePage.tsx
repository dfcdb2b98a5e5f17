import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../../api/errors';
import { AnnouncementFeedDocument, AnnouncementsMarkAllReadDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Checkbox, EmptyState, ErrorState, Skeleton } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { canPublishAnnouncements } from './access';
import { AnnouncementCard } from './AnnouncementCard';
import { ANNOUNCEMENT_TYPENAMES } from './cache';
import { LeftoversSaleLink } from '../stock/LeftoversSaleLink';
import './announcements.css';

const PAGE = 20;

/** The partner's home: announcements received from its seller chain, newest first, unread marked. */
export default function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [first, setFirst] = useState(PAGE);
  const [result, retry] = useQuery({
    query: AnnouncementFeedDocument,
    variables: { first, filter: { authored: false, ...(unreadOnly ? { unread: true } : {}) } },
    context: ANNOUNCEMENT_TYPENAMES,
  });
  const [marking, markAll] = useMutation(AnnouncementsMarkAllReadDocument);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  usePageTitle(t('announcements.feed.title'));

  const feed = result.data?.announcements;
  const unread = result.data?.announcementsUnreadCount ?? 0;
  const items = feed?.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];

  async function markAllRead() {
    setProblem(null);
    const answer = await markAll({}, ANNOUNCEMENT_TYPENAMES);
    if (answer.error) setProblem(problemOf(answer.error));
    else if (answer.data?.announcementsMarkAllRead?.errors[0]) {
      const error = answer.data.announcementsMarkAllRead.errors[0];
      setProblem({ code: error.code, detail: error.message });
    }
  }

  let body: React.ReactNode;
  if (result.error && !result.data) {
    body = <ErrorState error={result.error} onRetry={() => retry({ requestPolicy: 'network-only' })} />;
  } else if (!feed) {
    body = (
      <div className="news-feed" aria-busy="true">
        <Skeleton height="8em" />
        <Skeleton height="8em" />
      </div>
    );
  } else if (items.length === 0) {
    body = unreadOnly ? (
      <EmptyState title={t('announcements.feed.emptyUnread')} />
    ) : (
      <EmptyState title={t('announcements.feed.empty')}>
        <p>{t('announcements.feed.emptyText')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <section className="news-feed" aria-label={t('announcements.feed.label')} aria-busy={result.fetching}>
        {items.map((item) => (
          <AnnouncementCard key={item.id} announcement={item} />
        ))}
        {feed.pageInfo.hasNextPage && (
          <Button variant="secondary" onClick={() => setFirst((n) => n + PAGE)} disabled={result.fetching}>
            {t('announcements.feed.more')}
          </Button>
        )}
      </section>
    );
  }

  return (
    <div className="page news-page">
      <div className="news-page__head">
        <div>
          <h1>{t('announcements.feed.title')}</h1>
          <p className="news-page__count" role="status" data-testid="unread-count">
            {feed ? (unread > 0 ? t('announcements.feed.unread', { count: unread, formatted: format.number(unread) }) : t('announcements.feed.allRead')) : ''}
          </p>
        </div>
        <div className="news-page__actions">
          <LeftoversSaleLink className="ui-button ui-button--secondary ui-button--md" />
          {canPublishAnnouncements(viewer.me, viewer.organization?.id) && (
            <Link className="ui-button ui-button--secondary ui-button--md" to="/announcements">
              {t('announcements.feed.mine')}
            </Link>
          )}
          <Button variant="primary" onClick={() => void markAllRead()} disabled={unread === 0 || marking.fetching}>
            {t('announcements.feed.markAllRead')}
          </Button>
        </div>
      </div>
      <Checkbox label={t('announcements.feed.showUnread')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
      {problem && <ProblemAlerts problems={[problem]} />}
      {body}
    </div>
  );
}
