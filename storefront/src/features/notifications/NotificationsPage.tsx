import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { NotificationsDocument, NotificationsMarkReadDocument, type NotificationsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { pageCount } from '../../lib/offsetPaging';
import { LIST_PAGE_SIZE, useListParams, type ListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Alert, Badge, Button, EmptyState, ErrorState, Pagination, SegmentedControl, Skeleton } from '../../ui';
import '../network/network.css';
import { usePageTitle } from '../shell/usePageTitle';
import { NotificationPreferences } from './NotificationPreferences';
import './notifications.css';
import { NOTIFICATIONS_CONTEXT } from './unreadCount';

type Notification = NonNullable<NonNullable<NotificationsQuery['notifications']['edges'][number]>['node']>;

/**
 * `/notifications`: the viewer's notifications as the API orders them (newest first), all or
 * only the unread (`?unread=1`), in pages; one or all marked read; the preferences below.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  return (
    <div className="page net-page notifications-page">
      <div className="net-page__head">
        <h1 className="net-page__title">{t('notifications.title')}</h1>
      </div>
      <NotificationList />
      <NotificationPreferences />
    </div>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const unreadOnly = list.params.get('unread') === '1';
  const result = usePagedQuery(
    list,
    {
      query: NotificationsDocument,
      variables: { unreadOnly: unreadOnly || null, ...list.pageArgs },
      requestPolicy: 'cache-and-network',
      context: NOTIFICATIONS_CONTEXT,
    },
    (data) => data.notifications,
  );
  const [marking, markRead] = useMutation(NotificationsMarkReadDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [allRead, setAllRead] = useState(false);
  const page = result.page;

  const mark = async (variables: { ids?: string[]; all?: boolean }) => {
    setProblem(null);
    setAllRead(false);
    const answer = await markRead(variables);
    const [first] = answer.data?.notificationsMarkRead?.errors ?? [];
    if (answer.error) setProblem(problemOf(answer.error));
    else if (first) setProblem({ code: first.code, detail: first.message });
    else if (variables.all) setAllRead(true);
  };

  let body: React.ReactNode;
  if (!page) body = result.error ? <ErrorState error={result.error} onRetry={result.refresh} /> : <Skeleton height="160px" />;
  else if (page.rows.length === 0)
    body = (
      <EmptyState title={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}>
        <p>{t(unreadOnly ? 'notifications.emptyUnreadText' : 'notifications.emptyText')}</p>
      </EmptyState>
    );
  else
    body = (
      <NotificationPager list={list} total={page.total}>
        <ul className="notifications-list" aria-busy={result.fetching || undefined}>
          {page.rows.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              busy={marking.fetching}
              onRead={() => void mark({ ids: [notification.id] })}
            />
          ))}
        </ul>
      </NotificationPager>
    );

  return (
    <section className="net-card" aria-labelledby="notifications-list">
      <h2 id="notifications-list">{page ? t('notifications.count', { count: page.total, formatted: format.number(page.total) }) : t('notifications.title')}</h2>
      <div className="notifications-toolbar">
        <SegmentedControl
          label={t('notifications.filterLabel')}
          value={unreadOnly ? 'unread' : 'all'}
          segments={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread') },
          ]}
          onChange={(value) => list.setFilter('unread', value === 'unread' ? '1' : '')}
        />
        <Button onClick={() => void mark({ all: true })} busy={marking.fetching} disabled={!page || page.rows.length === 0}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {allRead && <Alert tone="success">{t('notifications.allRead')}</Alert>}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      {body}
    </section>
  );
}

/** One notification: what happened (a link to where, read on opening), when, and «Прочитано». */
function NotificationItem({ notification, busy, onRead }: { notification: Notification; busy: boolean; onRead: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = !notification.readAt;
  return (
    <li className={unread ? 'notification-item notification-item--unread' : 'notification-item'}>
      <div>
        <p className="notification-item__title">
          {unread && <Badge tone="info">{t('notifications.new')}</Badge>}
          {notification.url ? (
            <Link to={notification.url} onClick={unread ? onRead : undefined}>
              {notification.title}
            </Link>
          ) : (
            <span>{notification.title}</span>
          )}
        </p>
        {notification.body && <p className="notification-item__body">{notification.body}</p>}
        <p className="net-muted">
          <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
        </p>
      </div>
      {unread && (
        <div className="notification-item__actions">
          <Button size="sm" variant="ghost" disabled={busy} onClick={onRead} aria-label={t('notifications.markReadLabel', { title: notification.title })}>
            {t('notifications.markRead')}
          </Button>
        </div>
      )}
    </li>
  );
}

function NotificationPager({ list, total, children }: { list: ListParams; total: number; children: React.ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const pages = pageCount(total, LIST_PAGE_SIZE);
  const page = Math.min(list.page, pages);
  const open = (next: number) => {
    list.goTo(next);
    ref.current?.closest('section')?.scrollIntoView?.({ block: 'start' });
  };
  return (
    <div ref={ref}>
      {children}
      {total > LIST_PAGE_SIZE && (
        <Pagination
          label={t('notifications.pages')}
          page={page}
          pageCount={pages}
          pageSize={LIST_PAGE_SIZE}
          total={total}
          hasPrevious={page > 1}
          hasNext={page < pages}
          onFirst={() => open(1)}
          onPrevious={() => open(page - 1)}
          onNext={() => open(page + 1)}
          onLast={() => open(pages)}
        />
      )}
    </div>
  );
}
