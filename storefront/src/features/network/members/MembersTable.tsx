/** The organization's members: search, role filter, the paged table and its row dialogs. */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MembersDocument, type MemberRowFragment, type Role } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';
import { useListParams } from '../../../lib/useListParams';
import { usePagedQuery } from '../../../lib/usePagedQuery';
import { actionsColumn, Badge, EmptyState, SearchToolbar, SelectField, type RowAction } from '../../../ui';
import { PagedList } from '../../../ui/PagedList';
import { useViewer } from '../../auth/ViewerProvider';
import { DeactivateDialog } from './DeactivateDialog';
import { EditMemberDialog } from './EditMemberDialog';
import { ROLES, useCurrency } from './memberOptions';

const member = createColumnHelper<MemberRowFragment>();

export function MembersTable() {
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
            <span>
              <strong>{row.original.user.fullName || '—'}</strong>
              {row.original.user.id === myUserId && (
                <span className="net-you">
                  <Badge tone="info">{t('network.members.you')}</Badge>
                </span>
              )}
            </span>
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
        const own = row.user.id === myUserId;
        // The API refuses to deactivate the last admin (LAST_ADMIN): say so before any dialog.
        const deactivate: RowAction = {
          label: t('network.members.deactivate'),
          name: own ? t('network.members.deactivateSelf') : t('network.members.deactivateFor', { name }),
          variant: 'ghost',
          onClick: () => setDeactivating(row),
          ...(row.isLastAdmin ? { disabled: true, note: t(own ? 'network.members.lastAdminSelfNote' : 'network.members.lastAdminNote') } : {}),
        };
        return [...(own ? [] : [edit]), deactivate];
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
        <DeactivateDialog
          membership={deactivating}
          own={deactivating.user.id === myUserId}
          onClose={() => setDeactivating(null)}
          onDone={members.refresh}
        />
      )}
    </section>
  );
}
