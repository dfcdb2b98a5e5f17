/** Answers of the finance screens' tests. */
import type { CreditAccountSummaryQuery, FinanceInvoiceQuery, FinanceInvoicesQuery, FinancePaymentsQuery } from '../../gql/graphql';

export const rub = (amount: string) => ({ amount, currency: 'RUB' });

type Account = NonNullable<CreditAccountSummaryQuery['creditAccount']>;
export type InvoiceRow = NonNullable<NonNullable<FinanceInvoicesQuery['invoices']['edges'][number]>['node']>;
export type PaymentRow = NonNullable<NonNullable<FinancePaymentsQuery['payments']['edges'][number]>['node']>;

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: 'CA1',
    currency: 'RUB',
    terms: 'NET',
    netDays: 14,
    seller: { id: 'O1', name: 'Завод «Краски России»' },
    creditLimit: rub('1000000.00'),
    balance: rub('412000.00'),
    available: rub('538000.00'),
    overdue: rub('12500.00'),
    overdueDays: 5,
    dueThisWeek: rub('80000.00'),
    openOrders: rub('60000.00'),
    advance: rub('10000.00'),
    lastPaymentOn: '2026-11-25',
    lastPaymentAmount: rub('150000.00'),
    ...overrides,
  };
}

export function summary(overrides: Partial<Account> | null = {}, cards = false): CreditAccountSummaryQuery {
  return { creditAccount: overrides === null ? null : account(overrides), stripeConfig: { enabled: cards } };
}

export function invoiceRow(n: number, overrides: Partial<InvoiceRow> = {}): InvoiceRow {
  return {
    id: `INV${n}`,
    number: `СЧ-26-0000${n}`,
    issuedOn: '2026-11-10',
    dueOn: '2026-11-24',
    status: 'UNPAID',
    overdueDays: null,
    pdfUrl: `/downloads/invoice/${n}.pdf?sig=abc`,
    totalGross: rub('120000.00'),
    remaining: rub('120000.00'),
    order: { id: `OR${n}`, number: `26-0004${n}` },
    ...overrides,
  };
}

export function invoicePage(rows: InvoiceRow[], total = rows.length): FinanceInvoicesQuery {
  return { invoices: { totalCount: total, pageInfo: { hasNextPage: total > rows.length, endCursor: null }, edges: rows.map((node) => ({ node })) } };
}

export function paymentPage(rows: PaymentRow[], total = rows.length): FinancePaymentsQuery {
  return { payments: { totalCount: total, pageInfo: { hasNextPage: total > rows.length, endCursor: null }, edges: rows.map((node) => ({ node })) } };
}

export function invoiceDetail(overrides: Record<string, unknown> = {}, cards = false): FinanceInvoiceQuery {
  return {
    node: {
      id: 'INV1',
      number: 'СЧ-26-00001',
      issuedOn: '2026-11-10',
      dueOn: '2026-11-24',
      status: 'PARTIALLY_PAID',
      paidAt: null,
      overdueDays: null,
      vatRate: '22.00',
      pdfUrl: '/downloads/invoice/1.pdf?sig=abc',
      currency: 'RUB',
      seller: { id: 'O1', name: 'Завод «Краски России»' },
      buyer: { id: 'O2', name: 'Столичный дом красок' },
      order: { id: 'OR1', number: '26-00041' },
      totalNet: rub('100000.00'),
      totalVat: rub('22000.00'),
      totalGross: rub('122000.00'),
      paid: rub('50000.00'),
      remaining: rub('72000.00'),
      lines: [
        {
          position: 1,
          sku: 'KR-FAS-0001-0.9L',
          name: 'Краска фасадная «Фасад-Про» 0,9 л',
          unit: 'PCS',
          quantity: '12.000',
          unitPriceNet: rub('412.50'),
          totalNet: rub('4950.00'),
          totalGross: rub('6039.00'),
        },
      ],
      allocations: [
        { amount: rub('50000.00'), createdAt: '2026-11-20T10:00:00+03:00', payment: { id: 'PAY1', method: 'BANK_TRANSFER', receivedOn: '2026-11-20', reference: 'п/п 512' } },
      ],
      cardPayments: [{ id: 'CP1', status: 'FAILED', createdAt: '2026-11-21T12:00:00+03:00', lastError: 'Карта отклонена', amount: rub('72000.00') }],
      ...overrides,
    },
    stripeConfig: { enabled: cards },
  } as FinanceInvoiceQuery;
}
