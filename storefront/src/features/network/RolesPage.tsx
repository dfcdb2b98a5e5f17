import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  CustomRoleCreateDocument,
  CustomRoleDeleteDocument,
  CustomRolesDocument,
  CustomRoleUpdateDocument,
  type CustomRoleRowFragment,
  type CustomRolesQuery,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors } from '../../lib/formErrors';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, Button, Dialog, EmptyState, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { NetworkPage } from './NetworkLayout';

type PermissionInfo = CustomRolesQuery['permissions'][number];
const column = createColumnHelper<CustomRoleRowFragment>();

export default function RolesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const roles = usePagedQuery(
    list,
    {
      query: CustomRolesDocument,
      variables: list.pageArgs,
      requestPolicy: 'cache-and-network',
      context: useMemo(() => ({ additionalTypenames: ['CustomRole'] }), []),
    },
    (result) => result.customRoles,
  );
  const [editing, setEditing] = useState<CustomRoleRowFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomRoleRowFragment | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('name', { header: t('network.roles.columns.name'), cell: ({ getValue }) => <strong>{getValue()}</strong> }),
      column.accessor('permissions', {
        header: t('network.roles.columns.permissions'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <span className="net-perms">
            {getValue().map((code) => (
              <Badge key={code} tone="info">
                {t(`permissions.${code}`)}
              </Badge>
            ))}
          </span>
        ),
      }),
      column.accessor('memberCount', {
        header: t('network.roles.columns.members'),
        meta: { align: 'end' },
        cell: ({ getValue }) => format.number(getValue()),
      }),
      actionsColumn<CustomRoleRowFragment>(t('network.actions'), (row) => [
        { label: t('network.edit'), name: t('network.roles.editFor', { name: row.name }), onClick: () => setEditing(row) },
        {
          label: t('network.delete'),
          name: t('network.roles.deleteFor', { name: row.name }),
          variant: 'ghost',
          onClick: () => setDeleting(row),
        },
      ]),
    ],
    [t, format],
  );

  const permissions = roles.data?.permissions ?? [];

  return (
    <NetworkPage
      title={t('network.roles.title')}
      permission="MANAGE_ROLES"
      actions={
        <Button variant="primary" onClick={() => setEditing('new')} disabled={!roles.data}>
          {t('network.roles.create')}
        </Button>
      }
    >
      <section className="net-card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('network.roles.listTitle')}</h2>
        <p className="net-muted">{t('network.roles.lead')}</p>
        <PagedList
          list={list}
          result={roles}
          caption={t('network.roles.listTitle')}
          columns={columns}
          pagesLabel={t('network.roles.pages')}
          empty={
            <EmptyState
              title={t('network.roles.empty')}
              action={
                <Button variant="primary" onClick={() => setEditing('new')}>
                  {t('network.roles.create')}
                </Button>
              }
            >
              <p>{t('network.roles.emptyText')}</p>
            </EmptyState>
          }
          skeletonRows={3}
        />
      </section>
      {editing && (
        <RoleDialog
          role={editing === 'new' ? null : editing}
          permissions={permissions}
          onClose={() => setEditing(null)}
          onSaved={roles.refresh}
        />
      )}
      {deleting && <DeleteRoleDialog role={deleting} onClose={() => setDeleting(null)} onDone={roles.refresh} />}
    </NetworkPage>
  );
}

interface RoleValues {
  name: string;
  permissions: string[];
}

export function RoleDialog({
  role,
  permissions,
  onClose,
  onSaved,
}: {
  role: CustomRoleRowFragment | null;
  permissions: PermissionInfo[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [, create] = useMutation(CustomRoleCreateDocument);
  const [, update] = useMutation(CustomRoleUpdateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RoleValues>({ defaultValues: { name: role?.name ?? '', permissions: role?.permissions ?? [] } });

  const onSubmit = async (values: RoleValues) => {
    setProblems([]);
    const input = { name: values.name.trim(), permissions: values.permissions };
    const result = role ? await update({ id: role.id, input }) : await create({ input });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const data = result.data as { customRoleCreate?: { errors: ApiFieldErrorLike[] } | null; customRoleUpdate?: { errors: ApiFieldErrorLike[] } | null };
    const apiErrors = (role ? data.customRoleUpdate?.errors : data.customRoleCreate?.errors) ?? [];
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, ['name', 'permissions'], setError));
      return;
    }
    onSaved();
    onClose();
  };

  return (
    <Dialog open title={role ? t('network.roles.editTitle', { name: role.name }) : t('network.roles.createTitle')} onClose={onClose}>
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <ProblemAlerts problems={problems} />
        <TextField
          label={t('network.roles.name')}
          error={errors.name?.message}
          {...register('name', { validate: (value) => value.trim() !== '' || t('validation.required') })}
        />
        <fieldset className="net-checks" aria-describedby={errors.permissions ? 'role-permissions-error' : undefined}>
          <legend>{t('network.roles.permissions')}</legend>
          {permissions.map((permission) => (
            <div className="ui-checkbox" key={permission.code}>
              <input
                id={`perm-${permission.code}`}
                type="checkbox"
                value={permission.code}
                {...register('permissions', { validate: (value) => value.length > 0 || t('network.roles.choosePermission') })}
              />
              <label htmlFor={`perm-${permission.code}`}>
                {t(`permissions.${permission.code}`)}
                <small>{t(`permissionHints.${permission.code}`, { defaultValue: permission.description })}</small>
              </label>
            </div>
          ))}
        </fieldset>
        {errors.permissions?.message && (
          <p id="role-permissions-error" className="ui-field__error">
            {errors.permissions.message}
          </p>
        )}
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {role ? t('network.save') : t('network.roles.createSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

interface ApiFieldErrorLike {
  field?: string | null;
  code: string;
  message: string;
}

function DeleteRoleDialog({ role, onClose, onDone }: { role: CustomRoleRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, remove] = useMutation(CustomRoleDeleteDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const confirm = async () => {
    setProblem(null);
    const result = await remove({ id: role.id });
    const first = result.data?.customRoleDelete?.errors[0];
    if (result.error) setProblem(problemOf(result.error));
    else if (first) setProblem({ code: first.code, detail: first.message });
    else {
      onDone();
      onClose();
    }
  };
  return (
    <Dialog
      open
      title={t('network.roles.deleteTitle', { name: role.name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {t('network.delete')}
          </Button>
        </>
      }
    >
      <p>{t('network.roles.deleteText', { name: role.name })}</p>
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
    </Dialog>
  );
}
