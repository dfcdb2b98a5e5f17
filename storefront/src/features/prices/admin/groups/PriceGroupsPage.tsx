import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PriceGroupsDocument, type PriceGroupRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { useListParams } from '../../../../lib/useListParams';
import { usePagedQuery } from '../../../../lib/usePagedQuery';
import { actionsColumn, Button, EmptyState, TextField } from '../../../../ui';
import { PagedList } from '../../../../ui/PagedList';
import { PricesPage } from '../PricesPage';
import type { PriceManagement } from '../access';
import '../priceAudience.css';
import { DeleteGroupDialog, GroupNameDialog } from './GroupDialogs';
import { editableGroup } from './groupAccess';

const column = createColumnHelper<PriceGroupRowFragment>();

export default function PriceGroupsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <PricesPage
      section="groups"
      title={t('prices.admin.groups.title')}
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('prices.admin.groups.create')}
        </Button>
      }
    >
      {(management) => <GroupsScreen management={management} creating={creating} onCreatingDone={() => setCreating(false)} onCreate={() => setCreating(true)} />}
    </PricesPage>
  );
}

function GroupsScreen({
  management,
  creating,
  onCreate,
  onCreatingDone,
}: {
  management: PriceManagement;
  creating: boolean;
  onCreate: () => void;
  onCreatingDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const list = useListParams({ search: 'search' });
  const groups = usePagedQuery(
    list,
    {
      query: PriceGroupsDocument,
      variables: { ...list.pageArgs, search: list.settledSearch || null },
      requestPolicy: 'cache-and-network',
      context: useMemo(() => ({ additionalTypenames: ['PriceGroup'] }), []),
    },
    (data) => data.priceGroups,
  );
  const [renaming, setRenaming] = useState<PriceGroupRowFragment | null>(null);
  const [deleting, setDeleting] = useState<PriceGroupRowFragment | null>(null);
  const staff = management.scope === 'staff';

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('prices.admin.groups.columns.name'),
        cell: ({ row }) => <Link to={`/prices/groups/${encodeURIComponent(row.original.id)}`}>{row.original.name}</Link>,
      }),
      ...(staff ? [column.accessor((row) => row.owner?.name ?? '—', { id: 'owner', header: t('prices.admin.groups.columns.owner') })] : []),
      column.accessor('memberCount', {
        header: t('prices.admin.groups.columns.members'),
        meta: { align: 'end' },
        cell: ({ getValue }) => format.number(getValue()),
      }),
      column.accessor('assignmentCount', {
        header: t('prices.admin.groups.columns.assignments'),
        meta: { align: 'end' },
        cell: ({ getValue }) => format.number(getValue()),
      }),
      actionsColumn<PriceGroupRowFragment>(t('network.actions'), (row) =>
        management.canEdit && editableGroup(row, management)
          ? [
              { label: t('prices.admin.groups.rename'), name: t('prices.admin.groups.renameFor', { name: row.name }), onClick: () => setRenaming(row) },
              { label: t('network.delete'), name: t('prices.admin.groups.deleteFor', { name: row.name }), variant: 'ghost', onClick: () => setDeleting(row) },
            ]
          : [],
      ),
    ],
    [t, format, staff, management],
  );

  return (
    <section className="net-card price-audience" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('prices.admin.groups.listTitle')}</h2>
      <p className="net-muted">{t('prices.admin.groups.lead')}</p>
      <TextField type="search" label={t('prices.admin.groups.search')} value={list.search} onChange={(e) => list.setSearch(e.target.value)} />
      <PagedList
        list={list}
        result={groups}
        caption={t('prices.admin.groups.listTitle')}
        columns={columns}
        pagesLabel={t('prices.admin.groups.pages')}
        empty={
          list.settledSearch ? (
            <EmptyState title={t('prices.admin.groups.notFound', { search: list.settledSearch })} />
          ) : (
            <EmptyState
              title={t('prices.admin.groups.empty')}
              action={
                management.canEdit && (
                  <Button variant="primary" onClick={onCreate}>
                    {t('prices.admin.groups.create')}
                  </Button>
                )
              }
            >
              <p>{t('prices.admin.groups.emptyText')}</p>
            </EmptyState>
          )
        }
        skeletonRows={3}
      />
      {creating && (
        <GroupNameDialog
          group={null}
          onClose={onCreatingDone}
          onSaved={(group) => void navigate(`/prices/groups/${encodeURIComponent(group.id)}`)}
        />
      )}
      {renaming && <GroupNameDialog group={renaming} onClose={() => setRenaming(null)} onSaved={groups.refresh} />}
      {deleting && <DeleteGroupDialog group={deleting} onClose={() => setDeleting(null)} onDone={groups.refresh} />}
    </section>
  );
}
