/** Who may see which dealer-network screen: permissions of the active membership, staff rights. */
import type { MeQuery, OrgPerm } from '../../gql/graphql';

type Me = NonNullable<MeQuery['me']>;

/** The permissions the viewer has in the organization requests act for. */
export function activePermissions(me: Me | null, organizationId: string | null | undefined): Set<string> {
  if (!me || !organizationId) return new Set();
  const membership = me.memberships.find((m) => m.organization.id === organizationId);
  return new Set(membership?.permissions ?? []);
}

export function hasPermission(me: Me | null, organizationId: string | null | undefined, permission: OrgPerm): boolean {
  return activePermissions(me, organizationId).has(permission);
}

export function hasStaffPermission(me: Me | null, permission: string): boolean {
  return Boolean(me?.user.isStaff && me.user.staffPermissions.includes(permission));
}

export interface OrganizationSection {
  path: string;
  permission: OrgPerm;
  labelKey: `network.sections.${'members' | 'roles' | 'subDealers' | 'audit'}`;
}

/** The organization's screens in the order of its tabs. */
export const ORGANIZATION_SECTIONS: OrganizationSection[] = [
  { path: '/organization/members', permission: 'MANAGE_MEMBERS', labelKey: 'network.sections.members' },
  { path: '/organization/roles', permission: 'MANAGE_ROLES', labelKey: 'network.sections.roles' },
  { path: '/organization/sub-dealers', permission: 'MANAGE_SUB_DEALERS', labelKey: 'network.sections.subDealers' },
  { path: '/organization/audit', permission: 'VIEW_AUDIT', labelKey: 'network.sections.audit' },
];

/** The organization screens the viewer may open. */
export function organizationSections(me: Me | null, organizationId: string | null | undefined): OrganizationSection[] {
  const permissions = activePermissions(me, organizationId);
  return ORGANIZATION_SECTIONS.filter((section) => permissions.has(section.permission));
}

export const REVIEW_PERMISSION = 'MANAGE_ORGANIZATIONS';
