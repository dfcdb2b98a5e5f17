/** Moderation screens' answers as the API gives them, for the tests. */
import type { ForwardableRowFragment, MeQuery, ModerationOrderFragment, ModerationUnitsFragment, QueueRowFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';

export function queueRow(n: number, overrides: Partial<QueueRowFragment> = {}): QueueRowFragment {
  return {
    id: `OR${n}`,
    number: `26-${String(n).padStart(5, '0')}`,
    buyer: { id: 'O2', name: 'Столичный дом красок' },
    currency: 'RUB',
    grandTotalGross: '12500.00',
    lineCount: 3,
    placedAt: '2026-11-20T10:15:00+03:00',
    moderation: { state: 'SUBMITTED', version: 1, overCredit: false, submittedAt: '2026-11-20T10:15:00+03:00', moderator: null },
    ...overrides,
  };
}

export function queueAnswer(rows: QueueRowFragment[], total = rows.length) {
  return { moderationQueue: { totalCount: total, pageInfo: { hasNextPage: false, endCursor: null }, edges: rows.map((node) => ({ node })) } };
}

export function units(overrides: Partial<ModerationUnitsFragment> = {}): ModerationUnitsFragment {
  return { pending: '0', inProduction: '0', ready: '0', shipped: '0', delivered: '0', atDealer: '0', sold: '0', cancelled: '0', ...overrides };
}

type Line = ModerationOrderFragment['lines'][number];

export function line(n: number, overrides: Partial<Line> = {}): Line {
  return {
    id: `L${n}`,
    position: n,
    sku: `KR-FAS-000${n}-10`,
    name: `Краска фасадная ${n}`,
    unit: 'PCS',
    quantity: '5',
    unitNet: '1000.00',
    totalNet: '5000.00',
    promisedDate: null,
    units: units({ pending: '5' }),
    allowedMoves: [],
    openProposals: [],
    ...overrides,
  };
}

type Moderation = NonNullable<ModerationOrderFragment['moderation']>;

export function moderationOrder(moderation: Partial<Moderation> = {}, overrides: Partial<ModerationOrderFragment> = {}): ModerationOrderFragment {
  return {
    id: 'OR1',
    number: '26-00001',
    status: 'PLACED',
    buyer: { id: 'O5', name: 'Подмосковный строитель' },
    seller: { id: 'O2', name: 'Столичный дом красок' },
    placedBy: { fullName: 'Юлия Миронова' },
    placedAt: '2026-11-20T10:15:00+03:00',
    comment: '',
    currency: 'RUB',
    totalNet: '10000.00',
    grandTotalGross: '12000.00',
    moderation: {
      state: 'ON_MODERATION',
      version: 7,
      overCredit: false,
      autoConfirmed: false,
      reason: '',
      submittedAt: '2026-11-20T10:15:00+03:00',
      startedAt: '2026-11-20T11:00:00+03:00',
      confirmedAt: null,
      closedAt: null,
      canModerate: true,
      canCancel: true,
      moderator: { fullName: 'Пётр Модераторов' },
      proposals: [],
      dialogue: [],
      ...moderation,
    },
    progress: { state: 'NOT_STARTED', lineCount: 2, linesReady: 0, linesShipped: 0, dispatchCount: 0 },
    lines: [line(1), line(2)],
    dispatches: [],
    ...overrides,
  };
}

export function forwardableRow(n: number, overrides: Partial<ForwardableRowFragment> = {}): ForwardableRowFragment {
  return {
    id: `OR${n}`,
    number: `26-0000${n}`,
    buyer: { id: 'O5', name: 'Подмосковный строитель' },
    currency: 'RUB',
    grandTotalGross: '1000.10',
    lineCount: 2,
    placedAt: '2026-11-20T10:15:00+03:00',
    moderation: { confirmedAt: '2026-11-21T10:15:00+03:00' },
    ...overrides,
  };
}

/** A member of the dealer O2 who moderates its sub-dealers' orders. */
export function dealerModerator(): MeQuery {
  const viewer = me(1, 0);
  const membership = viewer.me!.memberships[0]!;
  return { me: { ...viewer.me!, memberships: [{ ...membership, permissions: ['VIEW_ORDERS', 'MODERATE_ORDERS'] }] } };
}
