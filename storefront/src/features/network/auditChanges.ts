import type { AuditEventsQuery } from '../../gql/graphql';

export type AuditChange = NonNullable<NonNullable<AuditEventsQuery['auditEvents']['edges'][number]>['node']>['changeList'][number];
type Value = AuditChange['after'][number];

/** Changed fields whose values are codes with names in the translations: their group. */
export const VALUE_NAMES: Record<string, string> = {
  role: 'roles',
  kind: 'organizationKind',
  permissions: 'permissions',
};

export interface ChangeWords {
  /** A code of field `key` in words (a role, an organization kind). */
  name: (key: string, value: string) => string;
  /** Said for a value the viewer may not see (another organization's custom role). */
  hidden: string;
  /** Said for no value. */
  none: string;
}

/** One change as a line: "Закупщик → Согласующий" for a change, the value for a recorded state. */
export function changeText(change: AuditChange, words: ChangeWords): string {
  const show = (values: readonly Value[]) =>
    values.length === 0 ? words.none : values.map((v) => (v.hidden ? words.hidden : words.name(change.field, v.text))).join(', ');
  return change.before ? `${show(change.before)} → ${show(change.after)}` : show(change.after);
}
