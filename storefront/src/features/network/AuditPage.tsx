import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuditEventsDocument, type AuditEventsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Button, EmptyState, SearchToolbar, SelectField, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import './audit.css';
import { changeText, VALUE_NAMES } from './auditChanges';
import { NetworkPage } from './NetworkLayout';

type AuditEvent = NonNullable<NonNullable<AuditEventsQuery['auditEvents']['edges'][number]>['node']>;
const column = createColumnHelper<AuditEvent>();

/** The actions the filter offers: a group of actions first, then each of its actions. */
const ACTIONS = [
  'membership',
  'membership.updated',
  'membership.deactivated',
  'invitation',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'role',
  'role.created',
  'role.updated',
  'role.deleted',
  'organization',
  'organization.created',
  'organization.updated',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD filter from the URL, or null (a hand-edited link must not break the query). */
function dateParam(value: string | null): string | null {
  return value && DATE.test(value) ? value : null;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'person' });
  const [, setParams] = useSearchParams();
  const action = ACTIONS.includes(list.params.get('action') ?? '') ? list.params.get('action') : null;
  const since = dateParam(list.params.get('since'));
  const until = dateParam(list.params.get('until'));
  const filtered = Boolean(list.search || action || since || until);
  const events = usePagedQuery(
    list,
    {
      query: AuditEventsDocument,
      variables: { ...list.pageArgs, filter: { person: list.settledSearch || null, action, since, until } },
      requestPolicy: 'cache-and-network',
    },
    (result) => result.auditEvents,
  );
  const columns = useMemo(() => {
    const words = {
      name: (key: string, value: string) => (key in VALUE_NAMES ? t(`${VALUE_NAMES[key]}.${value}`, { defaultValue: value }) : value),
      hidden: t('network.audit.hidden'),
      none: '—',
    };
    return [
      column.accessor('createdAt', {
        header: t('network.audit.columns.time'),
        cell: ({ getValue }) => <span className="net-nowrap">{format.dateTime(getValue())}</span>,
      }),
      column.accessor((row) => row.organization?.name ?? '', {
        id: 'organization',
        header: t('network.audit.columns.organization'),
        cell: ({ getValue }) => getValue() || '—',
      }),
      column.accessor((row) => row.actor?.fullName || row.actor?.email || row.actorSummary?.fullName || '', {
        id: 'actor',
        header: t('network.audit.columns.actor'),
        cell: ({ row }) => {
          const { actor, actorSummary } = row.original;
          if (actor) {
            return (
              <span className="net-cell-stack">
                <span>{actor.fullName || actor.email}</span>
                {actor.fullName && <span className="net-muted">{actor.email}</span>}
              </span>
            );
          }
          // A person of the supplier (its admins, the manufacturer's staff): a name only.
          if (actorSummary) return actorSummary.fullName || t('network.audit.supplierPerson');
          return t('network.audit.system');
        },
      }),
      column.accessor('action', {
        header: t('network.audit.columns.action'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <span>{t(`network.audit.actions.${row.original.action.replace('.', '_')}`, { defaultValue: row.original.action })}</span>
            {row.original.targetName && <span className="net-muted">{row.original.targetName}</span>}
          </span>
        ),
      }),
      column.accessor('changeList', {
        header: t('network.audit.columns.changes'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <ul className="net-changes">
            {getValue().map((change, i) => (
              <li key={i}>
                <span className="net-muted">{t(`network.audit.fields.${change.field}`, { defaultValue: change.field })}: </span>
                <span className="net-changes__value">{changeText(change, words)}</span>
              </li>
            ))}
          </ul>
        ),
      }),
    ];
  }, [t, format]);
  return (
    <NetworkPage title={t('network.audit.title')} permission="VIEW_AUDIT">
      <section className="net-card net-audit" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('network.audit.listTitle')}</h2>
        <SearchToolbar
          label={t('network.audit.filters.person')}
          placeholder={t('network.audit.filters.personPlaceholder')}
          value={list.search}
          onSearch={list.setSearch}
        >
          <SelectField
            label={t('network.audit.filters.action')}
            value={action ?? ''}
            onChange={(event) => list.setFilter('action', event.target.value)}
            options={[
              { value: '', label: t('network.audit.filters.allActions') },
              ...ACTIONS.map((value) => ({
                value,
                label: value.includes('.')
                  ? t(`network.audit.actions.${value.replace('.', '_')}`, { defaultValue: value })
                  : t(`network.audit.actionGroups.${value}`, { defaultValue: value }),
              })),
            ]}
          />
          <TextField
            className="net-date-filter"
            type="date"
            label={t('network.audit.filters.since')}
            value={since ?? ''}
            max={until ?? undefined}
            onChange={(event) => list.setFilter('since', event.target.value)}
          />
          <TextField
            className="net-date-filter"
            type="date"
            label={t('network.audit.filters.until')}
            value={until ?? ''}
            min={since ?? undefined}
            onChange={(event) => list.setFilter('until', event.target.value)}
          />
          {filtered && (
            <Button
              variant="ghost"
              className="net-toolbar-reset"
              onClick={() => setParams({}, { replace: true })}
            >
              {t('network.audit.filters.reset')}
            </Button>
          )}
        </SearchToolbar>
        <PagedList
          list={list}
          result={events}
          caption={t('network.audit.listTitle')}
          columns={columns}
          pagesLabel={t('network.audit.pages')}
          empty={<EmptyState title={filtered ? t('network.audit.emptyFiltered') : t('network.audit.empty')} />}
        />
      </section>
    </NetworkPage>
  );
}
