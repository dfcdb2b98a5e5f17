/** Answers of the fake API for the seller's credit screens' tests (sstmt). */
import type { ManagedAccountPartsFragment, ReceivableRowFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';

export const rub = (amount: string) => ({ amount, currency: 'RUB' });

/** Staff with MANAGE_CREDIT, as admin@demo.local is in the demo. */
export const creditStaff = () => me(1, 0, { staffPermissions: ['MANAGE_CREDIT'] });

export function receivableRow(n: number, overrides: Partial<ReceivableRowFragment> = {}): ReceivableRowFragment {
  return {
    account: { id: `CA${n}`, currency: 'RUB' },
    client: { id: `O${n}`, name: `Клиент ${n}`, inn: `77010000${n}` },
    creditLimit: rub('500000.00'),
    balance: rub('120000.00'),
    available: rub('380000.00'),
    dueThisWeek: rub('20000.00'),
    overdue: rub('0.00'),
    overdueDays: null,
    lastPaymentOn: '2026-11-20',
    lastPaymentAmount: rub('50000.00'),
    ...overrides,
  };
}

export function receivablesAnswer(rows: ReceivableRowFragment[], total = rows.length) {
  return { receivables: { totalCount: total, edges: rows.map((node) => ({ node })) } };
}

export function managedAccount(overrides: Partial<ManagedAccountPartsFragment> = {}): ManagedAccountPartsFragment {
  return {
    id: 'CA1',
    buyer: { id: 'O2', name: 'Столичный дом красок', inn: '7701234567' },
    seller: { id: 'O1', name: 'Завод «Краски»' },
    currency: 'RUB',
    creditLimit: rub('500000.00'),
    terms: 'NET',
    netDays: 30,
    overLimitPolicy: 'MODERATE',
    invoicePolicy: 'ON_CONFIRMATION',
    note: '',
    balance: rub('150000.00'),
    invoicedOpen: rub('150000.00'),
    openOrders: rub('20000.00'),
    advance: rub('0.00'),
    available: rub('330000.00'),
    overdue: rub('45000.00'),
    overdueDays: 12,
    dueThisWeek: rub('10000.00'),
    lastPaymentOn: '2026-11-20',
    canManage: true,
    updatedAt: '2026-11-25T10:00:00+03:00',
    ...overrides,
  };
}
