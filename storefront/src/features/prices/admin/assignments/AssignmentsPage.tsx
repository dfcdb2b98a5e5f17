import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { PriceAssignmentFilterNamesDocument, PriceAssignmentsDocument, type PriceAssignmentRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { useListParams, type ListParams } from '../../../../lib/useListParams';
import { usePagedQuery } from '../../../../lib/usePagedQuery';
import { actionsColumn, Button, EmptyState } from '../../../../ui';
import { PagedList } from '../../../../ui/PagedList';
import { PricesPage } from '../PricesPage';
import type { PriceManagement } from '../access';
import { OrganizationPicker } from '../pickers/OrganizationPicker';
import { PriceListPicker, type PickedPriceList } from '../pickers/PriceListPicker';
import '../priceAudience.css';
import { AssignDialog } from './AssignDialog';
import { TargetCell } from './TargetCell';
import { UnassignDialog } from './UnassignDialog';

const column = createColumnHelper<PriceAssignmentRowFragment>();

/** `/prices/assignments?list=<id>&organization=<id>`: who gets which price list. */
export default function AssignmentsPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const [assigning, setAssigning] = useState(false);
  return (
    <PricesPage
      section="assignments"
      title={t('prices.admin.assignments.title')}
      actions={
        <Button variant="primary" onClick={() => setAssigning(true)}>
          {t('prices.admin.assignments.assign')}
        </Button>
      }
    >
      {(management) => <AssignmentsScreen list={list} management={management} assigning={assigning} onAssign={setAssigning} />}
    </PricesPage>
  );
}

/** The names of the list and organization the URL filters by. */
function useFilterNames(listId: string, organizationId: string) {
  const [names] = useQuery({
    query: PriceAssignmentFilterNamesDocument,
    variables: { list: listId || '-', organization: organizationId || '-', withList: !!listId, withOrganization: !!organizationId },
    pause: !listId && !organizationId,
  });
  const priceList = listId && names.data?.priceList?.id === listId ? names.data.priceList : null;
  const organization = organizationId && names.data?.organization?.id === organizationId ? names.data.organization : null;
  return { priceList, organization };
}

function AssignmentsScreen({
  list,
  management,
  assigning,
  onAssign,
}: {
  list: ListParams;
  management: PriceManagement;
  assigning: boolean;
  onAssign: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const listId = list.params.get('list') ?? '';
  const organizationId = list.params.get('organization') ?? '';
  const chosen = useFilterNames(listId, organizationId);
  const assignments = usePagedQuery(
    list,
    {
      query: PriceAssignmentsDocument,
      variables: { ...list.pageArgs, filter: { priceList: listId || null, organization: organizationId || null } },
      requestPolicy: 'cache-and-network',
      context: useMemo(() => ({ additionalTypenames: ['PriceListAssignment'] }), []),
    },
    (data) => data.priceListAssignments,
  );
  const [unassigning, setUnassigning] = useState<PriceAssignmentRowFragment | null>(null);
  const staff = management.scope === 'staff';
  const pickedList: PickedPriceList | null = chosen.priceList ?? (listId ? { id: listId, name: t('prices.admin.assignments.loadingName'), currency: '' } : null);

  const columns = useMemo(
    () => [
      column.accessor((row) => row.priceList?.name ?? '—', {
        id: 'list',
        header: t('prices.admin.assignments.columns.list'),
        cell: ({ row }) => {
          const priceList = row.original.priceList;
          if (!priceList) return '—';
          return (
            <span className="price-audience__target">
              <Link to={`/prices/lists/${encodeURIComponent(priceList.id)}`}>{priceList.name}</Link>
              <span className="net-muted">{[priceList.currency, staff ? priceList.owner?.name : null].filter(Boolean).join(' · ')}</span>
            </span>
          );
        },
      }),
      column.display({ id: 'target', header: t('prices.admin.assignments.columns.target'), cell: ({ row }) => <TargetCell row={row.original} /> }),
      column.accessor((row) => row.priceList?.priority ?? 0, {
        id: 'priority',
        header: t('prices.admin.assignments.columns.priority'),
        meta: { align: 'end' },
        cell: ({ getValue }) => format.number(getValue()),
      }),
      column.accessor((row) => row.priceList?.validFrom ?? '', {
        id: 'validity',
        header: t('prices.admin.assignments.columns.validity'),
        enableSorting: false,
        cell: ({ row }) => {
          const priceList = row.original.priceList;
          if (!priceList?.validFrom && !priceList?.validUntil) return t('prices.admin.assignments.always');
          return t('prices.admin.assignments.period', { from: format.date(priceList.validFrom), until: format.date(priceList.validUntil) });
        },
      }),
      actionsColumn<PriceAssignmentRowFragment>(t('network.actions'), (row) =>
        management.canEdit && (management.scope === 'partner' || row.priceList?.owner?.kind === 'MANUFACTURER')
          ? [
              {
                label: t('prices.admin.assignments.unassign'),
                name: t('prices.admin.assignments.unassignFor', { list: row.priceList?.name ?? '' }),
                variant: 'ghost',
                onClick: () => setUnassigning(row),
              },
            ]
          : [],
      ),
    ],
    [t, format, staff, management],
  );
  const filtered = !!listId || !!organizationId;

  return (
    <>
      <section className="net-card price-audience" aria-labelledby="assignments-filters">
        <h2 id="assignments-filters">{t('prices.admin.assignments.filters')}</h2>
        <p className="price-audience__rule-note" data-testid="winner-rule">
          {t('prices.admin.assignments.winnerRule')}
        </p>
        <div className="price-audience__filters">
          <PriceListPicker label={t('prices.admin.assignments.filterList')} value={pickedList} onChange={(picked) => list.setFilter('list', picked?.id ?? '')} />
          {organizationId ? (
            <div className="ui-field">
              <span className="ui-field__label">{t('prices.admin.assignments.filterOrganization')}</span>
              <div className="price-picked">
                <span>{chosen.organization?.name ?? t('prices.admin.assignments.loadingName')}</span>
                <Button size="sm" variant="ghost" onClick={() => list.setFilter('organization', '')}>
                  {t('prices.admin.assignments.anyOrganization')}
                </Button>
              </div>
            </div>
          ) : (
            <OrganizationPicker label={t('prices.admin.assignments.filterOrganization')} onPick={(picked) => list.setFilter('organization', picked.id)} />
          )}
        </div>
        {organizationId && <p className="net-muted">{t('prices.admin.assignments.organizationFilterNote')}</p>}
      </section>
      <section className="net-card price-audience" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t('prices.admin.assignments.listTitle')}</h2>
        <PagedList
          list={list}
          result={assignments}
          caption={t('prices.admin.assignments.listTitle')}
          columns={columns}
          pagesLabel={t('prices.admin.assignments.pages')}
          empty={
            filtered ? (
              <EmptyState
                title={t('prices.admin.assignments.noneFound')}
                action={
                  <Button onClick={() => void navigate('/prices/assignments')}>{t('prices.admin.assignments.resetFilters')}</Button>
                }
              />
            ) : (
              <EmptyState
                title={t('prices.admin.assignments.empty')}
                action={
                  management.canEdit && (
                    <Button variant="primary" onClick={() => onAssign(true)}>
                      {t('prices.admin.assignments.assign')}
                    </Button>
                  )
                }
              >
                <p>{t('prices.admin.assignments.emptyText')}</p>
              </EmptyState>
            )
          }
          skeletonRows={4}
        />
      </section>
      {assigning && <AssignDialog initialList={chosen.priceList} onClose={() => onAssign(false)} onDone={assignments.refresh} />}
      {unassigning && <UnassignDialog assignment={unassigning} onClose={() => setUnassigning(null)} onDone={assignments.refresh} />}
    </>
  );
}
