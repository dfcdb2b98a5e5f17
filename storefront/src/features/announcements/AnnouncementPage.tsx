import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AnnouncementDetailDocument, AnnouncementMarkReadDocument } from '../../gql/graphql';
import { EmptyState, ErrorState, Skeleton } from '../../ui';
import { usePageTitle } from '../shell/usePageTitle';
import { AnnouncementCard } from './AnnouncementCard';
import { ANNOUNCEMENT_TYPENAMES } from './cache';
import './announcements.css';

/** One announcement in full; opening it marks it read for the signed-in user. */
export default function AnnouncementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, retry] = useQuery({ query: AnnouncementDetailDocument, variables: { id }, context: ANNOUNCEMENT_TYPENAMES });
  const [, markRead] = useMutation(AnnouncementMarkReadDocument);
  const announcement = result.data?.announcement;
  usePageTitle(announcement?.title ?? t('announcements.feed.title'));

  const unreadId = announcement && !announcement.isRead && !announcement.isMine ? announcement.id : null;
  useEffect(() => {
    if (unreadId) void markRead({ id: unreadId }, ANNOUNCEMENT_TYPENAMES);
  }, [unreadId, markRead]);

  const back = (
    <Link to="/" className="back-link">
      ← {t('announcements.card.back')}
    </Link>
  );
  if (result.error && !result.data) {
    return (
      <div className="page">
        {back}
        <ErrorState error={result.error} onRetry={() => retry({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!result.data) {
    return (
      <div className="page" aria-busy="true">
        {back}
        <h1 className="ui-visually-hidden">{t('common.loading')}</h1>
        <Skeleton height="12em" />
      </div>
    );
  }
  if (!announcement) {
    return (
      <div className="page">
        {back}
        <h1 className="ui-visually-hidden">{t('announcements.card.notFound')}</h1>
        <EmptyState title={t('announcements.card.notFound')}>
          <p>{t('announcements.card.notFoundText')}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page news-page">
      {back}
      <AnnouncementCard announcement={announcement} full />
    </div>
  );
}
