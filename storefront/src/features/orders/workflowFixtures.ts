/** An order in the seller's moderation (issue 14) as the API answers it, for the order page's tests. */
import type { LineUnitsPartsFragment, ProposalPartsFragment } from '../../gql/graphql';
import { orderDetails, type OrderPageOrder } from './orderFixtures';

export function lineUnits(overrides: Partial<LineUnitsPartsFragment> = {}): LineUnitsPartsFragment {
  return { pending: '0', inProduction: '0', ready: '0', shipped: '0', delivered: '0', atDealer: '0', sold: '0', cancelled: '0', ...overrides };
}

export function proposal(overrides: Partial<ProposalPartsFragment> = {}): ProposalPartsFragment {
  return {
    id: 'P1',
    kind: 'QUANTITY',
    status: 'OPEN',
    quantity: '10',
    unitNet: null,
    date: null,
    substituteSku: '',
    substituteName: '',
    comment: 'На складе только 10',
    beforeQuantity: '12',
    beforeUnitNet: '868.06',
    beforeDate: null,
    beforeSku: 'KR-FAS-0003-10',
    proposedBy: { fullName: 'Ольга Модераторова' },
    proposedAt: '2026-11-21T10:00:00+03:00',
    answeredBy: null,
    answeredAt: null,
    answerComment: '',
    line: { id: 'L1', position: 1, sku: 'KR-FAS-0003-10', name: 'Краска фасадная 10 л', unit: 'PCS' },
    ...overrides,
  };
}

type Moderation = NonNullable<OrderPageOrder['moderation']>;

export function moderation(overrides: Partial<Moderation> = {}): Moderation {
  const open = proposal();
  return {
    state: 'AWAITING_BUYER',
    version: 7,
    moderator: { fullName: 'Ольга Модераторова' },
    autoConfirmed: false,
    reason: '',
    submittedAt: '2026-11-20T10:15:00+03:00',
    confirmedAt: null,
    closedAt: null,
    canModerate: false,
    canAnswer: true,
    canCancel: true,
    proposals: [open],
    dialogue: [
      { id: 'D1', kind: 'COMMENT', side: 'BUYER', author: { fullName: 'Юлия Миронова' }, text: 'Нужно до пятницы', state: null, createdAt: '2026-11-20T11:00:00+03:00', proposal: null },
      { id: 'D2', kind: 'PROPOSAL', side: 'SELLER', author: { fullName: 'Ольга Модераторова' }, text: 'На складе только 10', state: null, createdAt: '2026-11-21T10:00:00+03:00', proposal: open },
    ],
    ...overrides,
  };
}

/** An order on moderation, two of its units ready and ten in production, one dispatch. */
export function moderatedOrder(overrides: Partial<OrderPageOrder> = {}): OrderPageOrder {
  const order = orderDetails();
  return {
    ...order,
    moderation: moderation(),
    progress: { state: 'IN_PROGRESS', lineCount: 14, linesReady: 12, linesShipped: 0, linesDelivered: 0, dispatchCount: 3, units: lineUnits({ inProduction: '10', ready: '2' }) },
    lines: order.lines.map((line) => ({ ...line, promisedDate: '2026-12-04', units: lineUnits({ inProduction: '6', ready: '4', shipped: '2' }) })),
    dispatches: [
      {
        id: 'DS1',
        number: 'О-000042',
        documentNumber: 'УПД-118',
        carrierName: 'ПЭК',
        trackingNumber: 'PEK123456',
        warehouseName: 'Склад «Москва-1»',
        comment: '',
        shippedAt: '2026-11-25T09:00:00+03:00',
        packingListUrl: '/orders/dispatches/DS1/packing-list/',
        lines: [{ sku: 'KR-FAS-0003-10', name: 'Краска фасадная 10 л', unit: 'PCS', quantity: '2', line: { id: 'L1', unit: 'PCS' } }],
      },
    ],
    ...overrides,
  };
}
