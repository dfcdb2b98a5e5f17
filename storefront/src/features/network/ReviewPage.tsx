import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PartnerApplicationsDocument, type ApplicationRowFragment, type PartnerApplicationStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, EmptyState, SearchToolbar, SelectField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { REVIEW_PERMISSION } from './access';
import { applicationNumber } from './applicationNumber';
import { NetworkPage } from './NetworkLayout';
import { ApplicationDetails } from './review/ApplicationDetails';
import { ApproveDialog } from './review/ApproveDialog';
import { FlagSummary } from './review/FlagSummary';
import { RejectDialog } from './review/RejectDialog';

const STATUSES: PartnerApplicationStatus[] = ['SUBMITTED', 'APPROVED', 'REJECTED'];
const column = createColumnHelper<ApplicationRowFragment>();

/** What the page shows over the list: an application's details, or the confirmation of a decision. */
type Open = { kind: 'details' | 'approve' | 'reject'; application: ApplicationRowFragment } | null;

export function statusParam(value: string | null): PartnerApplicationStatus | null {
  if (value === 'ALL') return null;
  return STATUSES.includes(value as PartnerApplicationStatus) ? (value as PartnerApplicationStatus) : 'SUBMITTED';
}

export default function ReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const status = statusParam(list.params.get('status'));
  const applications = usePagedQuery(
    list,
    {
      query: PartnerApplicationsDocument,
      variables: { ...list.pageArgs, status, search: list.settledSearch || null },
      requestPolicy: 'cache-and-network',
    },
    (result) => result.partnerApplications,
  );
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const show = (kind: NonNullable<Open>['kind'], application: ApplicationRowFragment) => {
    setNotice(null);
    setOpen({ kind, application });
  };

  const columns = useMemo(
    () => [
      column.accessor('companyName', {
        header: t('network.review.columns.company'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <span className="net-muted">{applicationNumber(t, row.original.number)}</span>
            <strong>{row.original.companyName}</strong>
            <span className="net-muted">{row.original.legalName}</span>
            <FlagSummary flags={row.original.flags} />
            {row.original.organization && (
              <span className="net-muted">{t('network.review.organization', { name: row.original.organization.name })}</span>
            )}
            {row.original.rejectionReason && (
              <span className="net-muted">{t('network.review.rejectionReason', { reason: row.original.rejectionReason })}</span>
            )}
          </span>
        ),
      }),
      column.accessor('inn', {
        header: t('network.review.columns.inn'),
        cell: ({ row }) => `${row.original.inn}${row.original.kpp ? ` / ${row.original.kpp}` : ''}`,
      }),
      column.accessor('region', {
        header: t('network.review.columns.region'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <span>{row.original.region}</span>
            {row.original.supplier && (
              <span className="net-muted">{t('network.review.joins', { supplier: row.original.supplier.name })}</span>
            )}
          </span>
        ),
      }),
      column.accessor('email', {
        header: t('network.review.columns.contact'),
        meta: { className: 'ui-col-wide' },
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <span>{[row.original.contactFirstName, row.original.contactLastName].filter(Boolean).join(' ')}</span>
            <span className="net-muted">{row.original.email}</span>
            {row.original.phone && <span className="net-muted">{row.original.phone}</span>}
          </span>
        ),
      }),
      column.accessor('createdAt', {
        header: t('network.review.columns.created'),
        meta: { className: 'ui-col-wide' },
        cell: ({ getValue }) => format.dateTime(getValue()),
      }),
      column.accessor('status', {
        header: t('network.review.columns.status'),
        cell: ({ getValue }) => (
          <Badge tone={getValue() === 'APPROVED' ? 'success' : getValue() === 'SUBMITTED' ? 'info' : 'neutral'}>
            {t(`network.applicationStatus.${getValue()}`)}
          </Badge>
        ),
      }),
      actionsColumn<ApplicationRowFragment>(t('network.actions'), (row) => [
        {
          label: t('network.review.open'),
          name: t('network.review.openFor', { name: row.companyName }),
          variant: row.status === 'SUBMITTED' ? 'secondary' : 'ghost',
          onClick: () => show('details', row),
        },
        ...(row.status === 'SUBMITTED'
          ? [
              {
                label: t('network.review.approve'),
                name: t('network.review.approveFor', { name: row.companyName }),
                variant: 'primary' as const,
                onClick: () => show('approve', row),
              },
              {
                label: t('network.review.reject'),
                name: t('network.review.rejectFor', { name: row.companyName }),
                variant: 'ghost' as const,
                onClick: () => show('reject', row),
              },
            ]
          : []),
      ]),
    ],
    [t, format],
  );

  const close = () => setOpen(null);
  return (
    <NetworkPage title={t('network.review.title')} staffPermission={REVIEW_PERMISSION}>
      {notice && <Alert tone="success">{notice}</Alert>}
      <section className="net-card" aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('network.review.listTitle')}</h2>
        <SearchToolbar
          label={t('network.review.search')}
          placeholder={t('network.review.searchPlaceholder')}
          value={list.search}
          onSearch={list.setSearch}
        >
          <SelectField
            label={t('network.review.statusFilter')}
            value={status ?? 'ALL'}
            onChange={(event) => list.setFilter('status', event.target.value === 'SUBMITTED' ? '' : event.target.value)}
            options={[
              ...STATUSES.map((value) => ({ value, label: t(`network.applicationStatus.${value}`) })),
              { value: 'ALL', label: t('network.review.all') },
            ]}
          />
        </SearchToolbar>
        <PagedList
          list={list}
          result={applications}
          caption={t('network.review.listTitle')}
          columns={columns}
          pagesLabel={t('network.review.pages')}
          empty={<EmptyState title={status || list.search ? t('network.review.emptyFiltered') : t('network.review.empty')} />}
        />
      </section>
      {open?.kind === 'details' && (
        <ApplicationDetails
          application={open.application}
          onClose={close}
          onApprove={() => show('approve', open.application)}
          onReject={() => show('reject', open.application)}
        />
      )}
      {open?.kind === 'approve' && (
        <ApproveDialog
          application={open.application}
          onClose={close}
          onDone={(organization) => {
            setNotice(t('network.review.approved', { name: open.application.companyName, organization }));
            applications.refresh();
          }}
        />
      )}
      {open?.kind === 'reject' && (
        <RejectDialog
          application={open.application}
          onClose={close}
          onDone={() => {
            setNotice(t('network.review.rejected', { name: open.application.companyName }));
            applications.refresh();
          }}
        />
      )}
    </NetworkPage>
  );
}
