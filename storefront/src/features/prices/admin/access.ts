/**
 * Who manages which prices: the API's rule (price_rules/visibility.py and
 * schema/mutations/base.py `acting_organization`), mirrored for the screens.
 *
 * - A member of a partner organization (not the root manufacturer) whose role there holds
 *   MANAGE_PRICES manages that organization's resale prices for the organizations below it.
 * - Staff with the staff permission MANAGE_PRICES manage the manufacturer's prices; staff
 *   with VIEW_ALL see them without editing.
 */
import type { MeQuery } from '../../../gql/graphql';
import { hasPermission, hasStaffPermission } from '../../network/access';

type Me = NonNullable<MeQuery['me']>;

export type PriceScope = 'staff' | 'partner';

export interface PriceManagement {
  /** staff: the manufacturer's prices (and every row to read); partner: its own resale prices. */
  scope: PriceScope;
  /** False for staff who may only look (VIEW_ALL without MANAGE_PRICES). */
  canEdit: boolean;
}

export type PriceSectionKey =
  | 'lists'
  | 'assignments'
  | 'groups'
  | 'markup'
  | 'promotions'
  | 'volumeDiscounts'
  | 'floors';

export interface PriceSection {
  key: PriceSectionKey;
  path: string;
  labelKey: `prices.admin.sections.${PriceSectionKey}`;
  /** The scopes that have this screen. */
  scopes: PriceScope[];
}

const BOTH: PriceScope[] = ['staff', 'partner'];

/** The price screens in the order of their tabs. */
export const PRICE_SECTIONS: PriceSection[] = [
  { key: 'lists', path: '/prices/lists', labelKey: 'prices.admin.sections.lists', scopes: BOTH },
  { key: 'assignments', path: '/prices/assignments', labelKey: 'prices.admin.sections.assignments', scopes: BOTH },
  { key: 'groups', path: '/prices/groups', labelKey: 'prices.admin.sections.groups', scopes: BOTH },
  // A markup is a partner's rule for its sub-dealers ("my purchase price + 25%").
  { key: 'markup', path: '/prices/markup', labelKey: 'prices.admin.sections.markup', scopes: ['partner'] },
  { key: 'promotions', path: '/prices/promotions', labelKey: 'prices.admin.sections.promotions', scopes: BOTH },
  {
    key: 'volumeDiscounts',
    path: '/prices/volume-discounts',
    labelKey: 'prices.admin.sections.volumeDiscounts',
    scopes: BOTH,
  },
  // Staff set the floors; a partner reads the floors that bind its resale prices.
  { key: 'floors', path: '/prices/floors', labelKey: 'prices.admin.sections.floors', scopes: BOTH },
];

const STAFF_EDIT = 'MANAGE_PRICES';
const STAFF_READ = 'VIEW_ALL';

/** How the viewer, acting for `organizationId`, manages prices; null when it does not. */
export function priceManagement(me: Me | null, organizationId: string | null | undefined): PriceManagement | null {
  if (!me) return null;
  const membership = me.memberships.find((m) => m.organization.id === organizationId);
  if (membership && membership.organization.kind !== 'MANUFACTURER' && hasPermission(me, organizationId, 'MANAGE_PRICES')) {
    return { scope: 'partner', canEdit: true };
  }
  if (hasStaffPermission(me, STAFF_EDIT)) return { scope: 'staff', canEdit: true };
  if (hasStaffPermission(me, STAFF_READ)) return { scope: 'staff', canEdit: false };
  return null;
}

/** The price screens the viewer may open. */
export function priceSections(management: PriceManagement | null): PriceSection[] {
  if (!management) return [];
  return PRICE_SECTIONS.filter((section) => section.scopes.includes(management.scope));
}
