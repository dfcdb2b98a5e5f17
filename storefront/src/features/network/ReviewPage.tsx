import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  PartnerApplicationApproveDocument,
  PartnerApplicationRejectDocument,
  PartnerApplicationsDocument,
  type ApplicationRowFragment,
  type PartnerApplicationStatus,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors } from '../../lib/formErrors';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, Button, Dialog, EmptyState, SearchToolbar, SelectField, TextArea } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { REVIEW_PERMISSION } from './access';
import { NetworkPage } from './NetworkLayout';

const STATUSES: PartnerApplicationStatus[] = ['SUBMITTED', 'APPROVED', 'REJECTED'];
const column = createColumnHelper<ApplicationRowFragment>();

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
  const [, approve] = useMutation(PartnerApplicationApproveDocument);
  const [approving, setApproving] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ApplicationRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onApprove = async (row: ApplicationRowFragment) => {
    setApproving(row.id);
    setProblem(null);
    setNotice(null);
    const result = await approve({ id: row.id });
    setApproving(null);
    const first = result.data?.partnerApplicationApprove?.errors[0];
    if (result.error) setProblem(problemOf(result.error));
    else if (first) setProblem({ code: first.code, detail: first.message });
    else {
      const organization = result.data?.partnerApplicationApprove?.application?.organization?.name ?? row.companyName;
      setNotice(t('network.review.approved', { name: row.companyName, organization }));
    }
    applications.refresh();
  };

  const columns = useMemo(
    () => [
      column.accessor('companyName', {
        header: t('network.review.columns.company'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <strong>{row.original.companyName}</strong>
            <span className="net-muted">{row.original.legalName}</span>
            {row.original.flags.length > 0 && (
              <span className="net-flags">
                {row.original.flags.map((flag, i) => (
                  <span key={i} title={flag.message}>
                    <Badge tone="warning">{t(`network.review.flags.${flag.code}`)}</Badge>{' '}
                    <span className="net-muted">{flag.organization?.name ?? flag.message}</span>
                  </span>
                ))}
              </span>
            )}
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
      column.accessor('region', { header: t('network.review.columns.region') }),
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
      actionsColumn<ApplicationRowFragment>(t('network.actions'), (row) =>
        row.status === 'SUBMITTED'
          ? [
              {
                label: t('network.review.approve'),
                name: t('network.review.approveFor', { name: row.companyName }),
                variant: 'primary',
                busy: approving === row.id,
                onClick: () => void onApprove(row),
              },
              {
                label: t('network.review.reject'),
                name: t('network.review.rejectFor', { name: row.companyName }),
                variant: 'ghost',
                onClick: () => setRejecting(row),
              },
            ]
          : [],
      ),
    ],
    [t, format, approving],
  );

  return (
    <NetworkPage title={t('network.review.title')} staffPermission={REVIEW_PERMISSION}>
      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
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
      {rejecting && (
        <RejectDialog
          application={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setNotice(t('network.review.rejected', { name: rejecting.companyName }));
            applications.refresh();
          }}
        />
      )}
    </NetworkPage>
  );
}

function RejectDialog({ application, onClose, onDone }: { application: ApplicationRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [, reject] = useMutation(PartnerApplicationRejectDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  const onSubmit = async ({ reason }: { reason: string }) => {
    setProblems([]);
    const result = await reject({ id: application.id, reason: reason.trim() });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const apiErrors = result.data?.partnerApplicationReject?.errors ?? [];
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, ['reason'], setError));
      return;
    }
    onDone();
    onClose();
  };

  return (
    <Dialog open title={t('network.review.rejectTitle', { name: application.companyName })} onClose={onClose}>
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <ProblemAlerts problems={problems} />
        <TextArea
          label={t('network.review.reason')}
          hint={t('network.review.reasonHint')}
          error={errors.reason?.message}
          {...register('reason', { validate: (value) => value.trim() !== '' || t('validation.required') })}
        />
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="danger" busy={isSubmitting}>
            {t('network.review.rejectSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
