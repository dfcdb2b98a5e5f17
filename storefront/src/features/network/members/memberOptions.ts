/** What the members screen's forms and columns share: the roles offered, custom roles, currency. */
import { useQuery } from 'urql';
import { CustomRoleOptionsDocument, type Role } from '../../../gql/graphql';
import { useViewer } from '../../auth/ViewerProvider';

/**
 * Every built-in role of the schema's `Role` enum, in the order the menus offer them. Typed by
 * the generated `Role`, so a role the API adds (or drops) is a type error here until it is placed
 * (and `roles.<ROLE>` in the locale files, which i18next's key types check).
 */
const ROLE_ORDER: Record<Role, true> = { ADMIN: true, BUYER: true, APPROVER: true, ACCOUNTANT: true, VIEWER: true };

export const ROLES = Object.keys(ROLE_ORDER) as Role[];

/** The active organization's currency, for spending limits. */
export function useCurrency(): string {
  return useViewer().organization?.currency ?? 'RUB';
}

/** The organization's custom roles, for the role menus (empty until they load). */
export function useCustomRoleOptions() {
  const [{ data }] = useQuery({ query: CustomRoleOptionsDocument });
  return data?.customRoles.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];
}
