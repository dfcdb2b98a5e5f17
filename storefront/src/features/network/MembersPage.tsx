import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  CustomRoleOptionsDocument,
  InvitationCreateDocument,
  InvitationRevokeDocument,
  InvitationsDocument,
  MembersDocument,
  MembershipDeactivateDocument,
  MembershipUpdateDocument,
  type InvitationRowFragment,
  type InvitationStatus,
  type MemberRowFragment,
  type Role,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, EMAIL_PATTERN, isAmount, parseAmount } from '../../lib/formErrors';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, Button, Dialog, EmptyState, SearchToolbar, SegmentedControl, SelectField, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { useViewer } from '../auth/ViewerProvider';
import { NetworkPage } from './NetworkLayout';

export const ROLES: Role[] = ['ADMIN', 'BUYER', 'APPROVER', 'ACCOUNTANT', 'VIEWER'];

const member = createColumnHelper<MemberRowFragment>();
const invitation = createColumnHelper<InvitationRowFragment>();

function useCurrency(): string {
  return useViewer().organization?.currency ?? 'RUB';
}

function useCustomRoleOptions() {
  const [{ data }] = useQuery({ query: CustomRoleOptionsDocument });
  return data?.customRoles.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];
}

export default function MembersPage() {
  const { t } = useTranslation();
  return (
    <NetworkPage title={t('network.members.title')} permission="MANAGE_MEMBERS">
      <MembersSection />
      <InvitationsSection />
      <InviteForm />
    </NetworkPage>
  );
}

function MembersSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = useCurrency();
  const list = useListParams({ search: 'q' });
  const roleFilter = (list.params.get('role') ?? '') as Role | '';
  const members = usePagedQuery(
    list,
    {
      query: MembersDocument,
      variables: { ...list.pageArgs, filter: { search: list.settledSearch || null, role: roleFilter || null } },
      requestPolicy: 'cache-and-network',
    },
    (result) => result.members,
  );
  const myUserId = useViewer().me?.user.id;
  const [editing, setEditing] = useState<MemberRowFragment | null>(null);
  const [deactivating, setDeactivating] = useState<MemberRowFragment | null>(null);

  const columns = useMemo(
    () => [
      member.accessor((row) => row.user.fullName || row.user.email, {
        id: 'name',
        header: t('network.members.columns.name'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <strong>{row.original.user.fullName || '—'}</strong>
            <span className="net-muted">{row.original.user.email}</span>
          </span>
        ),
      }),
      member.accessor('role', {
        header: t('network.members.columns.role'),
        cell: ({ row }) =>
          row.original.customRole ? (
            <span className="net-cell-stack">
              <span>{row.original.customRole.name}</span>
              <span className="net-muted">{t('network.members.customRoleOf', { role: t(`roles.${row.original.role}`) })}</span>
            </span>
          ) : (
            t(`roles.${row.original.role}`)
          ),
      }),
      member.accessor((row) => Number(row.spendingLimit ?? Infinity), {
        id: 'limit',
        header: t('network.members.columns.limit'),
        meta: { align: 'end' },
        cell: ({ row }) =>
          row.original.spendingLimit === null || row.original.spendingLimit === undefined
            ? t('network.members.noLimit')
            : format.money(row.original.spendingLimit, currency),
      }),
      member.accessor('isActive', {
        header: t('network.members.columns.status'),
        cell: ({ row }) =>
          row.original.isActive ? (
            <Badge tone="success">{t('network.members.active')}</Badge>
          ) : (
            <span className="net-cell-stack">
              <Badge>{t('network.members.deactivated')}</Badge>
              <span className="net-muted">{format.date(row.original.deactivatedAt)}</span>
            </span>
          ),
      }),
      actionsColumn<MemberRowFragment>(t('network.actions'), (row) => {
        if (!row.isActive) return [];
        const name = row.user.fullName || row.user.email;
        // Nobody changes their own role or limit (the API refuses it); leaving stays possible.
        const edit = { label: t('network.edit'), name: t('network.members.editFor', { name }), onClick: () => setEditing(row) };
        return [
          ...(row.user.id === myUserId ? [] : [edit]),
          {
            label: t('network.members.deactivate'),
            name: t('network.members.deactivateFor', { name }),
            variant: 'ghost',
            onClick: () => setDeactivating(row),
          },
        ];
      }),
    ],
    [t, format, currency, myUserId],
  );

  const filtered = Boolean(list.search || roleFilter);

  return (
    <section className="net-card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('network.members.listTitle')}</h2>
      <SearchToolbar
        label={t('network.members.search')}
        placeholder={t('network.members.searchPlaceholder')}
        value={list.search}
        onSearch={list.setSearch}
      >
        <SelectField
          label={t('network.members.roleFilter')}
          value={roleFilter}
          onChange={(event) => list.setFilter('role', event.target.value)}
          options={[{ value: '', label: t('network.members.allRoles') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
        />
      </SearchToolbar>
      <PagedList
        list={list}
        result={members}
        caption={t('network.members.listTitle')}
        columns={columns}
        pagesLabel={t('network.members.pages')}
        empty={<EmptyState title={filtered ? t('network.members.emptyFiltered') : t('network.members.empty')} />}
      />
      {editing && <EditMemberDialog membership={editing} onClose={() => setEditing(null)} onSaved={members.refresh} />}
      {deactivating && (
        <DeactivateDialog membership={deactivating} onClose={() => setDeactivating(null)} onDone={members.refresh} />
      )}
    </section>
  );
}

interface EditValues {
  role: Role;
  customRole: string;
  spendingLimit: string;
}

function EditMemberDialog({
  membership,
  onClose,
  onSaved,
}: {
  membership: MemberRowFragment;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const customRoles = useCustomRoleOptions();
  const [, update] = useMutation(MembershipUpdateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues>({
    defaultValues: {
      role: membership.role,
      customRole: membership.customRole?.id ?? '',
      spendingLimit: membership.spendingLimit ? String(Number(membership.spendingLimit)) : '',
    },
  });
  const name = membership.user.fullName || membership.user.email;

  const onSubmit = async (values: EditValues) => {
    setProblems([]);
    const result = await update({
      id: membership.id,
      input: {
        role: values.role,
        customRole: values.customRole || null,
        spendingLimit: parseAmount(values.spendingLimit),
      },
    });
    const apiErrors = result.data?.membershipUpdate?.errors ?? [];
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, ['role', 'customRole', 'spendingLimit'], setError));
      return;
    }
    onSaved();
    onClose();
  };

  return (
    <Dialog
      open
      title={t('network.members.editTitle', { name })}
      onClose={onClose}
    >
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <ProblemAlerts problems={problems} />
        <SelectField
          label={t('network.fields.role')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...register('role')}
        />
        <SelectField
          label={t('network.fields.customRole')}
          options={[{ value: '', label: t('network.fields.noCustomRole') }, ...customRoles.map((role) => ({ value: role.id, label: role.name }))]}
          {...register('customRole')}
        />
        {errors.customRole?.message && <p className="ui-field__error">{errors.customRole.message}</p>}
        <TextField
          label={t('network.fields.spendingLimit')}
          hint={t('network.fields.spendingLimitHint')}
          inputMode="decimal"
          error={errors.spendingLimit?.message}
          {...register('spendingLimit', { validate: (value) => isAmount(value) || t('validation.amount') })}
        />
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('network.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DeactivateDialog({
  membership,
  onClose,
  onDone,
}: {
  membership: MemberRowFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, deactivate] = useMutation(MembershipDeactivateDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const name = membership.user.fullName || membership.user.email;

  const confirm = async () => {
    setProblem(null);
    const result = await deactivate({ id: membership.id });
    const first = result.data?.membershipDeactivate?.errors[0];
    if (result.error) {
      setProblem(problemOf(result.error));
      return;
    }
    if (first) {
      setProblem({ code: first.code, detail: first.message });
      return;
    }
    onDone();
    onClose();
  };

  return (
    <Dialog
      open
      title={t('network.members.deactivateTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {t('network.members.deactivate')}
          </Button>
        </>
      }
    >
      <p>{t('network.members.deactivateText', { name })}</p>
      {problem && (
        <Alert tone="error" title={problem.code === 'LAST_ADMIN' ? t('network.members.lastAdminTitle') : undefined}>
          {describeProblem(t, problem)}
        </Alert>
      )}
    </Dialog>
  );
}

type InvitationView = 'PENDING' | 'ALL';

function InvitationsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = useCurrency();
  // Beside the members list on the same screen: its own page and filter in the URL.
  const list = useListParams({ page: 'invitationsPage' });
  const view: InvitationView = list.params.get('invitations') === 'all' ? 'ALL' : 'PENDING';
  const status: InvitationStatus | null = view === 'PENDING' ? 'PENDING' : null;
  const invitations = usePagedQuery(
    list,
    {
      query: InvitationsDocument,
      variables: { ...list.pageArgs, status },
      requestPolicy: 'cache-and-network',
      context: useMemo(() => ({ additionalTypenames: ['Invitation'] }), []),
    },
    (result) => result.invitations,
  );
  const [, revoke] = useMutation(InvitationRevokeDocument);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onRevoke = async (row: InvitationRowFragment) => {
    setRevoking(row.id);
    setProblem(null);
    const result = await revoke({ id: row.id });
    setRevoking(null);
    const first = result.data?.invitationRevoke?.errors[0];
    if (first) setProblem({ code: first.code, detail: first.message });
    else if (result.error) setProblem(problemOf(result.error));
    invitations.refresh();
  };

  const tone = (s: InvitationStatus) => (s === 'PENDING' ? 'info' : s === 'ACCEPTED' ? 'success' : s === 'EXPIRED' ? 'warning' : 'neutral');

  const columns = useMemo(
    () => [
      invitation.accessor('email', { header: t('network.fields.email') }),
      invitation.accessor('role', {
        header: t('network.members.columns.role'),
        cell: ({ row }) => row.original.customRole?.name ?? t(`roles.${row.original.role}`),
      }),
      invitation.accessor((row) => Number(row.spendingLimit ?? Infinity), {
        id: 'limit',
        header: t('network.members.columns.limit'),
        meta: { align: 'end', className: 'ui-col-wide' },
        cell: ({ row }) =>
          row.original.spendingLimit ? format.money(row.original.spendingLimit, currency) : t('network.members.noLimit'),
      }),
      invitation.accessor('status', {
        header: t('network.members.columns.status'),
        cell: ({ getValue }) => <Badge tone={tone(getValue())}>{t(`network.invitationStatus.${getValue()}`)}</Badge>,
      }),
      invitation.accessor('expiresAt', {
        header: t('network.invitations.expires'),
        cell: ({ getValue }) => format.dateTime(getValue()),
      }),
      actionsColumn<InvitationRowFragment>(t('network.actions'), (row) =>
        row.status === 'PENDING'
          ? [
              {
                label: t('network.invitations.revoke'),
                name: t('network.invitations.revokeFor', { email: row.email }),
                variant: 'ghost',
                busy: revoking === row.id,
                onClick: () => void onRevoke(row),
              },
            ]
          : [],
      ),
    ],
    [t, format, currency, revoking],
  );

  return (
    <section className="net-card" aria-labelledby="invitations-heading" data-testid="invitations">
      <div className="net-page__head">
        <h2 id="invitations-heading">{t('network.invitations.title')}</h2>
        <SegmentedControl<InvitationView>
          label={t('network.invitations.show')}
          value={view}
          onChange={(next) => list.setFilter('invitations', next === 'ALL' ? 'all' : '')}
          segments={[
            { value: 'PENDING', label: t('network.invitations.pending') },
            { value: 'ALL', label: t('network.invitations.all') },
          ]}
        />
      </div>
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      <PagedList
        list={list}
        result={invitations}
        caption={t('network.invitations.title')}
        columns={columns}
        pagesLabel={t('network.invitations.pages')}
        empty={<EmptyState title={view === 'PENDING' ? t('network.invitations.emptyPending') : t('network.invitations.empty')} />}
        skeletonRows={2}
      />
    </section>
  );
}

interface InviteValues {
  email: string;
  role: Role;
  customRole: string;
  spendingLimit: string;
}

const INVITE_FIELDS = ['email', 'role', 'customRole', 'spendingLimit'] as const;

export function InviteForm() {
  const { t } = useTranslation();
  const customRoles = useCustomRoleOptions();
  const [, create] = useMutation(InvitationCreateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<InviteValues>({ defaultValues: { email: '', role: 'BUYER', customRole: '', spendingLimit: '' } });

  const onSubmit = async (values: InviteValues) => {
    setProblems([]);
    setSentTo(null);
    const result = await create({
      input: {
        email: values.email.trim(),
        role: values.role,
        customRole: values.customRole || null,
        spendingLimit: parseAmount(values.spendingLimit),
      },
    });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const apiErrors = result.data?.invitationCreate?.errors ?? [];
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, INVITE_FIELDS, setError));
      return;
    }
    setSentTo(result.data?.invitationCreate?.invitation?.email ?? values.email);
    reset();
  };

  return (
    <section className="net-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('network.invite.title')}</h2>
      <p className="net-muted">{t('network.invite.lead')}</p>
      {sentTo && <Alert tone="success">{t('network.invite.sent', { email: sentTo })}</Alert>}
      <ProblemAlerts problems={problems} />
      <form className="net-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t('network.fields.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email?.message}
          {...register('email', {
            required: t('validation.required'),
            pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
          })}
        />
        <div>
          <SelectField
            label={t('network.fields.role')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...register('role')}
          />
          {errors.role?.message && <p className="ui-field__error">{errors.role.message}</p>}
        </div>
        <div>
          <SelectField
            label={t('network.fields.customRoleOptional')}
            options={[{ value: '', label: t('network.fields.noCustomRole') }, ...customRoles.map((role) => ({ value: role.id, label: role.name }))]}
            {...register('customRole')}
          />
          {errors.customRole?.message && <p className="ui-field__error">{errors.customRole.message}</p>}
        </div>
        <TextField
          label={t('network.fields.spendingLimitOptional')}
          hint={t('network.fields.spendingLimitHint')}
          inputMode="decimal"
          error={errors.spendingLimit?.message}
          {...register('spendingLimit', { validate: (value) => isAmount(value) || t('validation.amount') })}
        />
        <div className="net-form__actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('network.invite.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
