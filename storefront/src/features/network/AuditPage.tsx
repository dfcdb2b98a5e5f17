import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditEventsDocument, type AuditEventsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { EmptyState } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { NetworkPage } from './NetworkLayout';

type AuditEvent = NonNullable<NonNullable<AuditEventsQuery['auditEvents']['edges'][number]>['node']>;
const column = createColumnHelper<AuditEvent>();

/** Changed fields whose values are codes with names in the translations: their group. */
const VALUE_NAMES: Record<string, string> = {
  role: 'roles',
  kind: 'organizationKind',
  permissions: 'permissions',
};

/**
 * The `changes` JSON as label/value pairs; a [before, after] pair reads "before → after".
 * `name(key, value)` turns a value of field `key` into words (codes such as roles).
 */
export function changeLines(
  changes: string,
  name: (key: string, value: string) => string = (_key, value) => value,
): Array<{ key: string; value: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(changes);
    // graphene's JSONString may arrive double-encoded.
    if (typeof parsed === 'string') parsed = JSON.parse(parsed);
  } catch {
    return changes ? [{ key: '', value: changes }] : [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => {
    const show = (item: unknown): string => {
      if (item === null || item === undefined || item === '') return '—';
      if (Array.isArray(item)) return item.map(show).join(', ');
      return typeof item === 'object' ? JSON.stringify(item) : name(key, String(item));
    };
    return {
      key,
      value:
        Array.isArray(value) && value.length === 2 && !key.includes('permission')
          ? `${show(value[0])} → ${show(value[1])}`
          : show(value),
    };
  });
}

export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const events = usePagedQuery(
    list,
    { query: AuditEventsDocument, variables: list.pageArgs, requestPolicy: 'cache-and-network' },
    (result) => result.auditEvents,
  );
  const columns = useMemo(() => {
    const valueName = (key: string, value: string) =>
      key in VALUE_NAMES ? t(`${VALUE_NAMES[key]}.${value}`, { defaultValue: value }) : value;
    return [
      column.accessor('createdAt', {
        header: t('network.audit.columns.time'),
        cell: ({ getValue }) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(getValue())}</span>,
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
        cell: ({ getValue }) => t(`network.audit.actions.${getValue().replace('.', '_')}`, { defaultValue: getValue() }),
      }),
      column.accessor('changes', {
        header: t('network.audit.columns.changes'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <ul className="net-changes">
            {changeLines(getValue(), valueName).map((line, i) => (
              <li key={i}>
                {line.key && <span className="net-muted">{t(`network.audit.fields.${line.key}`, { defaultValue: line.key })}: </span>}
                <code>{line.value}</code>
              </li>
            ))}
          </ul>
        ),
      }),
    ];
  }, [t, format]);
  return (
    <NetworkPage title={t('network.audit.title')} permission="VIEW_AUDIT">
      <section className="net-card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('network.audit.listTitle')}</h2>
        <PagedList
          list={list}
          result={events}
          caption={t('network.audit.listTitle')}
          columns={columns}
          pagesLabel={t('network.audit.pages')}
          empty={<EmptyState title={t('network.audit.empty')} />}
        />
      </section>
    </NetworkPage>
  );
}
