import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { ApiProblem } from '../../api/errors';
import { problemOf } from '../../api/errors';
import {
  AnnouncementPublishDocument,
  AnnouncementUnpublishDocument,
  MyAnnouncementsDocument,
  type MyAnnouncementRowFragment,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Badge, Button, EmptyState } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { canPublishAnnouncements } from './access';
import { KIND_TONE } from './AnnouncementCard';
import './announcements.css';

const column = createColumnHelper<MyAnnouncementRowFragment>();
const STATUS_TONE = { PUBLISHED: 'success', SCHEDULED: 'info', UNPUBLISHED: 'neutral' } as const;

/** The publisher's announcements (drafts and scheduled ones too): edit, publish, unpublish. */
export default function MyAnnouncementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  usePageTitle(t('announcements.mine.title'));
  const list = useListParams({});
  const announcements = usePagedQuery(
    list,
    { query: MyAnnouncementsDocument, variables: { ...list.pageArgs }, requestPolicy: 'cache-and-network' },
    (result) => result.announcements,
  );
  const [, publish] = useMutation(AnnouncementPublishDocument);
  const [, unpublish] = useMutation(AnnouncementUnpublishDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const columns = useMemo(() => {
    async function toggle(row: MyAnnouncementRowFragment) {
      setProblems([]);
      const answer = row.status === 'UNPUBLISHED' ? await publish({ id: row.id }) : await unpublish({ id: row.id });
      const payload = answer.data && ('announcementPublish' in answer.data ? answer.data.announcementPublish : answer.data.announcementUnpublish);
      if (answer.error) setProblems([problemOf(answer.error)]);
      else if (payload?.errors.length) setProblems(payload.errors.map((e) => ({ code: e.code, detail: e.message })));
    }
    return [
      column.accessor('title', {
        header: t('announcements.mine.columns.title'),
        cell: ({ row }) => <strong>{row.original.title}</strong>,
      }),
      column.accessor('kind', {
        header: t('announcements.mine.columns.kind'),
        cell: ({ getValue }) => <Badge tone={KIND_TONE[getValue()]}>{t(`announcements.kind.${getValue()}`)}</Badge>,
      }),
      column.accessor('status', {
        header: t('announcements.mine.columns.status'),
        cell: ({ getValue }) => <Badge tone={STATUS_TONE[getValue()]}>{t(`announcements.status.${getValue()}`)}</Badge>,
      }),
      column.accessor('publishAt', {
        header: t('announcements.mine.columns.date'),
        cell: ({ row }) => format.dateTime(row.original.publishAt ?? row.original.updatedAt),
      }),
      column.display({
        id: 'audience',
        header: t('announcements.mine.columns.audience'),
        cell: ({ row }) =>
          row.original.audience?.everyoneBelow ? t('announcements.mine.audienceEveryone') : t('announcements.mine.audienceChosen'),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="ui-visually-hidden">{t('network.actions')}</span>,
        cell: ({ row }) => (
          <span className="news-row-actions">
            <Link className="ui-button ui-button--ghost ui-button--sm" to={`/announcements/${row.original.id}/edit`}>
              {t('announcements.mine.edit')}
            </Link>
            <Button size="sm" variant="ghost" onClick={() => void toggle(row.original)}>
              {row.original.status === 'UNPUBLISHED' ? t('announcements.mine.publish') : t('announcements.mine.unpublish')}
            </Button>
          </span>
        ),
      }),
    ];
  }, [t, format, publish, unpublish]);

  if (!canPublishAnnouncements(viewer.me, viewer.organization?.id)) {
    return (
      <div className="page">
        <h1>{t('announcements.mine.title')}</h1>
        <EmptyState title={t('announcements.form.denied')} />
      </div>
    );
  }
  return (
    <div className="page news-page">
      <div className="news-page__head">
        <h1>{t('announcements.mine.title')}</h1>
        <Link className="ui-button ui-button--primary ui-button--md" to="/announcements/new">
          {t('announcements.mine.create')}
        </Link>
      </div>
      <ProblemAlerts problems={problems} />
      <PagedList
        list={list}
        result={announcements}
        caption={t('announcements.mine.label')}
        columns={columns}
        pagesLabel={t('announcements.mine.label')}
        empty={
          <EmptyState title={t('announcements.mine.empty')}>
            <p>{t('announcements.mine.emptyText')}</p>
          </EmptyState>
        }
      />
    </div>
  );
}
