/** Orders as the API answers them, for the screens' tests. */
import type { MeQuery, OrderQuery, OrderRowFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';

export function orderRow(n: number, overrides: Partial<OrderRowFragment> = {}): OrderRowFragment {
  return {
    id: `OR${n}`,
    number: `26-${String(n).padStart(5, '0')}`,
    sellerNumber: '',
    buyerReference: n === 1 ? 'ЗАК-77' : '',
    buyer: { id: 'O2', name: 'Столичный дом красок' },
    seller: { id: 'O1', name: 'Краски России' },
    orderType: 'REGULAR',
    status: 'PLACED',
    paymentStatus: 'UNPAID',
    placedBy: { fullName: 'Юлия Миронова' },
    onBehalf: false,
    currency: 'RUB',
    grandTotalGross: '12500.00',
    lineCount: 14,
    placedAt: '2026-11-20T10:15:00+03:00',
    ...overrides,
  };
}

export function ordersAnswer(rows: OrderRowFragment[], { total = rows.length, endCursor = null as string | null, hasNextPage = false } = {}) {
  return { orders: { totalCount: total, pageInfo: { hasNextPage, endCursor }, edges: rows.map((node) => ({ node })) } };
}

/** The order page's order: its details and its workflow (issue 14). */
export type OrderPageOrder = NonNullable<OrderQuery['order']>;

export function orderDetails(overrides: Partial<OrderPageOrder> = {}): OrderPageOrder {
  return {
    ...orderRow(1),
    placedAs: { id: 'O2', name: 'Столичный дом красок' },
    vatRate: '20',
    subtotalNet: '10416.67',
    volumeDiscountPercent: '0',
    totalNet: '10416.67',
    totalVat: '2083.33',
    totalGross: '12500.00',
    deliveryNet: '0.00',
    deliveryMethod: 'DELIVERY',
    pickupWarehouse: null,
    deliveryRegion: 'Москва',
    deliveryCity: 'Москва',
    deliveryAddress: 'ул. Лесная, 1',
    comment: 'Позвонить перед доставкой',
    approvalLimit: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: '',
    approvers: [],
    canApprove: false,
    lines: [
      {
        id: 'L1',
        position: 1,
        sku: 'KR-FAS-0003-10',
        name: 'Краска фасадная 10 л',
        unit: 'PCS',
        quantity: '12',
        preorderQuantity: '2',
        unitNet: '868.06',
        unitGross: '1041.67',
        listNet: '950.00',
        totalNet: '10416.67',
        totalGross: '12500.00',
        tierMinQuantity: '10',
        promotionNames: ['Осенняя распродажа'],
        promisedDate: null,
        units: null,
      },
    ],
    shipments: [
      {
        id: 'S1',
        position: 1,
        warehouseName: 'Склад «Москва-1»',
        carrier: { id: 'C1', name: 'ПЭК' },
        pickup: false,
        preorder: false,
        cost: { amount: '1500.00', currency: 'RUB' },
        shipDate: '2026-11-21',
        arrivalDate: '2026-11-23',
        weightKg: '120',
        lines: [{ quantity: '10', preorder: false, line: { id: 'L1', sku: 'KR-FAS-0003-10', name: 'Краска фасадная 10 л', unit: 'PCS' } }],
      },
    ],
    events: [],
    moderation: null,
    progress: null,
    dispatches: [],
    ...overrides,
  };
}

/** A member of the dealer O2 with `permissions` (VIEW_ORDERS and the like). */
export function memberWith(permissions: string[]): MeQuery {
  const viewer = me(1, 0);
  const membership = viewer.me!.memberships[0]!;
  return { me: { ...viewer.me!, memberships: [{ ...membership, permissions }] } };
}
