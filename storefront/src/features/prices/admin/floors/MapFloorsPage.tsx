import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../../../api/errors';
import { MapFloorDeleteDocument, PriceMapFloorsDocument, type MapFloorRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { useListParams } from '../../../../lib/useListParams';
import { usePagedQuery } from '../../../../lib/usePagedQuery';
import { Alert, Button, Dialog, EmptyState, SearchToolbar } from '../../../../ui';
import { PagedList } from '../../../../ui/PagedList';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { useViewer } from '../../../auth/ViewerProvider';
import type { PriceManagement } from '../access';
import { CategoryPicker } from '../pickers/CategoryPicker';
import { PricesPage, usePriceManagement } from '../PricesPage';
import { MapFloorForm } from './MapFloorForm';
import '../../../announcements/announcements.css';
import '../rules.css';

const column = createColumnHelper<MapFloorRowFragment>();

/** `/prices/floors?category=&search=&page=`: the manufacturer's minimum resale prices. */
export default function MapFloorsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<MapFloorRowFragment | 'new' | null>(null);
  const management = usePriceManagement();
  return (
    <PricesPage
      section="floors"
      title={t('prices.admin.floors.title')}
      actions={
        editing === null &&
        management?.scope === 'staff' && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('prices.admin.floors.add')}
          </Button>
        )
      }
    >
      {(management) => <MapFloors management={management} editing={editing} setEditing={setEditing} />}
    </PricesPage>
  );
}

function targetName(t: TFunction, floor: MapFloorRowFragment): string {
  if (floor.variant) return `${floor.variant.sku} · ${floor.variant.product.name} ${floor.variant.name}`.trim();
  return t('prices.admin.floors.categoryTarget', { name: floor.category?.name ?? '' });
}

function MapFloors({
  management,
  editing,
  setEditing,
}: {
  management: PriceManagement;
  editing: MapFloorRowFragment | 'new' | null;
  setEditing: (editing: MapFloorRowFragment | 'new' | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { organization } = useViewer();
  // Floors are the manufacturer's: a partner reads the ones that bind it.
  const canEdit = management.scope === 'staff' && management.canEdit;
  const list = useListParams({ search: 'search' });
  const category = list.params.get('category');
  const floors = usePagedQuery(
    list,
    {
      query: PriceMapFloorsDocument,
      variables: { ...list.pageArgs, filter: { category, search: list.settledSearch || null } },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.mapFloors,
  );
  const [flagged, setFlagged] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<MapFloorRowFragment | null>(null);
  const [removed, remove] = useMutation(MapFloorDeleteDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  async function confirmDelete() {
    if (!deleting) return;
    const answer = await remove({ id: deleting.id });
    setDeleting(null);
    const payload = answer.data?.mapFloorDelete;
    if (answer.error) return setProblems([problemOf(answer.error)]);
    if (payload?.errors.length) return setProblems(payload.errors.map((e) => ({ code: e.code, detail: e.message })));
    setFlagged(payload?.flaggedLists.length ?? 0);
    floors.refresh();
  }

  const columns = useMemo(
    () => [
      column.display({
        id: 'target',
        header: t('prices.admin.floors.columns.target'),
        cell: ({ row }) => <strong>{targetName(t, row.original)}</strong>,
      }),
      column.display({
        id: 'floor',
        header: t('prices.admin.floors.columns.floor'),
        meta: { align: 'end' },
        cell: ({ row }) =>
          row.original.amount !== null && row.original.amount !== undefined
            ? format.money(row.original.amount, row.original.currency)
            : t('prices.admin.floors.ofBase', { percent: format.percent(row.original.percent) }),
      }),
      column.accessor('updatedAt', {
        header: t('prices.admin.floors.columns.updated'),
        cell: ({ getValue }) => format.date(getValue()),
      }),
      ...(canEdit
        ? [
            column.display({
              id: 'actions',
              header: () => <span className="ui-visually-hidden">{t('network.actions')}</span>,
              cell: ({ row }) => (
                <span className="rules-actions">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(row.original)} aria-label={`${t('prices.admin.floors.edit')}: ${targetName(t, row.original)}`}>
                    {t('prices.admin.floors.edit')}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setDeleting(row.original)} aria-label={`${t('prices.admin.floors.delete')}: ${targetName(t, row.original)}`}>
                    {t('prices.admin.floors.delete')}
                  </Button>
                </span>
              ),
            }),
          ]
        : []),
    ],
    [t, format, canEdit, setEditing],
  );

  const filtered = Boolean(category) || list.settledSearch !== '';
  return (
    <section className="rules-section" aria-label={t('prices.admin.floors.title')}>
      <p className="rules-intro">{management.scope === 'staff' ? t('prices.admin.floors.introStaff') : t('prices.admin.floors.introPartner')}</p>
      <ProblemAlerts problems={problems} />
      {flagged !== null && (
        <Alert
          tone={flagged > 0 ? 'warning' : 'success'}
          action={flagged > 0 ? <Link to="/prices/lists?belowFloor=1">{t('prices.admin.floors.flaggedLink')}</Link> : undefined}
        >
          {flagged > 0 ? t('prices.admin.floors.flagged', { count: flagged }) : t('prices.admin.floors.flaggedNone')}
        </Alert>
      )}
      {editing !== null && canEdit && (
        <div className="rules-card">
          <MapFloorForm
            key={editing === 'new' ? 'new' : editing.id}
            floor={editing === 'new' ? null : editing}
            currency={organization?.currency ?? 'RUB'}
            onCancel={() => setEditing(null)}
            onSaved={(count) => {
              setEditing(null);
              setFlagged(count);
              floors.refresh();
            }}
          />
        </div>
      )}
      <SearchToolbar label={t('prices.admin.floors.search')} value={list.search} onSearch={list.setSearch}>
        <CategoryPicker
          label={t('prices.admin.floors.category')}
          placeholder={t('prices.admin.floors.allCategories')}
          value={category}
          onChange={(picked) => list.setFilter('category', picked?.id ?? '')}
        />
      </SearchToolbar>
      <PagedList
        list={list}
        result={floors}
        caption={t('prices.admin.floors.title')}
        columns={columns}
        pagesLabel={t('prices.admin.floors.pages')}
        empty={<EmptyState title={filtered ? t('prices.admin.floors.noneFound') : t('prices.admin.floors.empty')} />}
      />
      <Dialog
        open={deleting !== null}
        title={t('prices.admin.floors.deleteTitle')}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(null)}>
              {t('prices.admin.floors.form.cancel')}
            </Button>
            <Button variant="danger" busy={removed.fetching} onClick={() => void confirmDelete()}>
              {t('prices.admin.floors.deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('prices.admin.floors.deleteText', { name: deleting ? targetName(t, deleting) : '' })}</p>
      </Dialog>
    </section>
  );
}
