/** Answers for the stock screens' tests: a dealer's stock center, its stock and history. */
import type { LeftoverRowFragment, MeQuery, WarehouseRowFragment } from '../../gql/graphql';
import { ADMIN_PERMISSIONS, me } from '../../test/fixtures';

/** A dealer's admin whose role manages the organization's stock centers. */
export function stockManager(): MeQuery {
  const answer = me(1, 0, { admin: true });
  const membership = answer.me!.memberships[0]!;
  return { me: { ...answer.me!, memberships: [{ ...membership, permissions: [...ADMIN_PERMISSIONS, 'MANAGE_STOCK'] }] } };
}

/** Staff with the given staff permissions and no membership. */
export function staff(...permissions: string[]): MeQuery {
  const answer = me(1, null, { staffPermissions: permissions });
  return { me: { ...answer.me!, memberships: [] } };
}

export const center: WarehouseRowFragment = {
  id: 'W1',
  code: 'MSK-DEALER',
  name: 'Склад «Столичный дом красок»',
  kind: 'STOCK_CENTER',
  ownerName: 'Столичный дом красок',
  address: 'ул. Складская, 5',
  country: 'RU',
  region: 'Москва',
  city: 'Москва',
  latitude: null,
  longitude: null,
  pickupAllowed: true,
  priority: 10,
  handlingDays: 1,
  isActive: true,
  display: 'EXACT',
  networkDisplay: 'BANDS',
  sharedWithNetwork: true,
  shownAs: 'EXACT',
  canManage: true,
};

export const PAINT = { id: 'V2', sku: 'KR-FAS-09', name: '0,9 л', unit: 'PCS' as const, product: { id: 'P2', name: 'Краска фасадная', slug: 'kraska-fasadnaia' } };
export const DOOR = { id: 'V1', sku: 'DV-OAK-700', name: '700 мм', unit: 'PCS' as const, product: { id: 'P1', name: 'Дверь «Дуб»', slug: 'dver-dub' } };

export function stockPage() {
  return {
    stockItems: {
      totalCount: 2,
      edges: [
        { node: { id: 'S1', onHand: '120', allocated: '20', updatedAt: '2026-11-30T10:00:00Z', available: { exact: '100', band: 'OVER_50', inStock: true }, variant: PAINT } },
        { node: { id: 'S2', onHand: '4', allocated: '0', updatedAt: '2026-11-29T10:00:00Z', available: { exact: '4', band: 'FEW', inStock: true }, variant: DOOR } },
      ],
    },
  };
}

export function movementsPage() {
  return {
    stockMovements: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: 'M1',
            reason: 'UPLOAD',
            onHandDelta: '-30',
            allocatedDelta: '0',
            onHandAfter: '120',
            allocatedAfter: '20',
            userName: 'Юлия Миронова',
            reference: 'stock.xlsx',
            comment: '',
            createdAt: '2026-11-30T10:00:00Z',
            variant: PAINT,
          },
        },
      ],
    },
  };
}

export const leftover: LeftoverRowFragment = {
  id: 'LO1',
  quantity: '50',
  discountPercent: '15.00',
  note: 'Коробки с повреждённой упаковкой',
  isPublished: true,
  createdAt: '2026-11-30T10:00:00Z',
  available: { exact: '50', band: 'OVER_10', inStock: true },
  warehouse: { id: 'W1', name: center.name, city: 'Москва', ownerName: center.ownerName },
  variant: PAINT,
};
