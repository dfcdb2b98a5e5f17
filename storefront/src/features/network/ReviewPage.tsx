import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  PartnerApplicationApproveDocument,
  PartnerApplicationRejectDocument,
  PartnerApplicationsDocument,
  type ApplicationRowFragment,
  type PartnerApplicationStatus,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useLatest } from '../../lib/useLatest';
import { Alert, Badge, Button, DataTable, Dialog, EmptyState, ErrorState, SelectField, TextArea, TextField } from '../../ui';
import { REVIEW_PERMISSION } from './access';
import { applyFieldErrors } from './formErrors';
import { TableSkeleton } from './MembersPage';
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
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'));
  const search = params.get('q') ?? '';
  const debounced = useDebouncedValue(search.trim(), 300);
  const [{ data: fresh, fetching, error }, reexecute] = useQuery({
    query: PartnerApplicationsDocument,
    variables: { status, search: debounced || null, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const data = useLatest(fresh);
  const [, approve] = useMutation(PartnerApplicationApproveDocument);
  const [approving, setApproving] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ApplicationRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

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
    refresh();
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
      column.display({
        id: 'actions',
        header: () => <span className="ui-visually-hidden">{t('network.actions')}</span>,
        cell: ({ row }) =>
          row.original.status === 'SUBMITTED' ? (
            <span className="net-row-actions">
              <Button
                size="sm"
                variant="primary"
                busy={approving === row.original.id}
                onClick={() => void onApprove(row.original)}
                aria-label={t('network.review.approveFor', { name: row.original.companyName })}
              >
                {t('network.review.approve')}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setRejecting(row.original)}
                aria-label={t('network.review.rejectFor', { name: row.original.companyName })}
              >
                {t('network.review.reject')}
              </Button>
            </span>
          ) : null,
      }),
    ],
    [t, format, approving],
  );
  const rows = data?.partnerApplications.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];

  return (
    <NetworkPage title={t('network.review.title')} staffPermission={REVIEW_PERMISSION}>
      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      <section className="net-card" aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('network.review.listTitle')}</h2>
        <div className="net-toolbar" role="search">
          <TextField
            className="net-toolbar__grow"
            type="search"
            label={t('network.review.search')}
            placeholder={t('network.review.searchPlaceholder')}
            value={search}
            onChange={(event) => setParam('q', event.target.value)}
          />
          <SelectField
            label={t('network.review.statusFilter')}
            value={status ?? 'ALL'}
            onChange={(event) => setParam('status', event.target.value === 'SUBMITTED' ? '' : event.target.value)}
            options={[
              ...STATUSES.map((value) => ({ value, label: t(`network.applicationStatus.${value}`) })),
              { value: 'ALL', label: t('network.review.all') },
            ]}
          />
        </div>
        {error && !data ? (
          <ErrorState error={error} onRetry={refresh} />
        ) : !data ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <EmptyState title={status || search ? t('network.review.emptyFiltered') : t('network.review.empty')} />
        ) : (
          <DataTable stackOnPhone caption={t('network.review.listTitle')} columns={columns} data={rows} getRowId={(row) => row.id} busy={fetching} />
        )}
      </section>
      {rejecting && (
        <RejectDialog
          application={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setNotice(t('network.review.rejected', { name: rejecting.companyName }));
            refresh();
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
        {problems.map((problem, i) => (
          <Alert key={i} tone="error">
            {describeProblem(t, problem)}
          </Alert>
        ))}
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
