import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer } from '../../test/render';
import { invoiceDetail, paymentPage, rub } from './fixtures';

function open(answers: Record<string, Answer>, { path = '/finance/invoices/INV1', language = 'ru' as 'ru' | 'en' } = {}) {
  return renderApp({ path, language, answers: { Me: me(1, 0), ...answers } });
}

describe('/finance/invoices/:id', () => {
  it('shows the invoice’s facts, lines, totals and payments', async () => {
    const { api } = open({ FinanceInvoice: invoiceDetail() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Счёт СЧ-26-00001' })).toBeTruthy();
    expect(api.calls.find((c) => c.operation === 'FinanceInvoice')?.variables).toEqual({ id: 'INV1' });
    expect(screen.getByText('Оплачен частично')).toBeTruthy();
    expect(screen.getByRole('link', { name: '26-00041' }).getAttribute('href')).toBe('/orders/OR1');
    const lines = screen.getByRole('region', { name: '1 позиция' });
    const row = within(lines).getAllByRole('row')[1]!;
    expect(within(row).getByText('KR-FAS-0001-0.9L')).toBeTruthy();
    expect(within(row).getByText('12 шт.')).toBeTruthy();
    const totals = screen.getByTestId('invoice-totals');
    expect(within(totals).getByText('НДС 22 %')).toBeTruthy();
    expect(screen.getByTestId('invoice-remaining').textContent).toMatch(/^72\s000,00\s₽$/);
    const payments = screen.getByTestId('invoice-allocations');
    expect(payments.textContent).toMatch(/50\s000,00\s₽ — Банковский перевод, 20\.11\.2026 · п\/п 512/);
    expect(within(payments).getByTestId('invoice-card-payment').textContent).toMatch(/картой, .*: отклонён · Карта отклонена/);
    expect(screen.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe('/downloads/invoice/1.pdf?sig=abc');
    expect(screen.queryByRole('button', { name: /Оплатить картой/ })).toBeNull();
  });

  it('offers the card payment for an open invoice when card payments are on, not for a paid one', async () => {
    open({ FinanceInvoice: invoiceDetail({}, true) });
    expect(await screen.findByRole('button', { name: 'Оплатить картой счёт СЧ-26-00001' })).toBeTruthy();
  });

  it('has no card payment for an invoice the organization issued (a dealer’s to its sub-dealer)', async () => {
    open({ FinanceInvoice: invoiceDetail({ buyer: { id: 'O5', name: 'Подмосковный строитель' } }, true) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Счёт СЧ-26-00001' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Оплатить картой/ })).toBeNull();
  });

  it('has no card payment for a paid invoice', async () => {
    open({ FinanceInvoice: invoiceDetail({ status: 'PAID', remaining: rub('0.00'), paidAt: '2026-11-22T09:00:00+03:00' }, true) });
    expect(await screen.findByText('Оплачен полностью')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Оплатить картой/ })).toBeNull();
  });

  it('says «not found» for an id the viewer may not see', async () => {
    open({ FinanceInvoice: { node: null, stripeConfig: { enabled: false } } }, { path: '/finance/invoices/nope' });
    expect(await screen.findByText('Счёт не найден')).toBeTruthy();
  });

  it('speaks English', async () => {
    open({ FinanceInvoice: invoiceDetail() }, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice СЧ-26-00001' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '1 line' })).toBeTruthy();
    expect(screen.getByText('12 pcs')).toBeTruthy();
  });
});

describe('/finance/payments', () => {
  it('lists the payments on the organization’s account with what went to invoices and what stays an advance', async () => {
    const { api } = open(
      {
        CreditBalance: { creditAccount: { id: 'CA1', available: rub('1.00'), overdue: rub('0.00'), overdueDays: null } },
        FinancePayments: paymentPage([
          {
            id: 'PAY1',
            method: 'BANK_TRANSFER',
            source: 'BANK_STATEMENT',
            receivedOn: '2026-11-20',
            reference: 'п/п 512',
            amount: rub('60000.00'),
            allocated: rub('50000.00'),
            advance: rub('10000.00'),
            invoice: { id: 'INV1', number: 'СЧ-26-00001' },
          },
          { id: 'PAY2', method: 'CARD', source: 'STRIPE', receivedOn: '2026-11-21', reference: '', amount: rub('500.00'), allocated: rub('500.00'), advance: rub('0.00'), invoice: null },
        ]),
      },
      { path: '/finance/payments' },
    );
    await waitFor(() => expect(api.calls.find((c) => c.operation === 'FinancePayments')?.variables).toMatchObject({ account: 'CA1', first: 25 }));
    const list = await screen.findByRole('region', { name: '2 платежа' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Банковский перевод')).toBeTruthy();
    expect(within(rows[0]!).getByText(/^10\s000,00\s₽$/)).toBeTruthy();
    expect(within(rows[0]!).getByRole('link', { name: 'СЧ-26-00001' }).getAttribute('href')).toBe('/finance/invoices/INV1');
    expect(within(rows[1]!).getByText('Картой')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Платежи' }).className).toContain('ui-button--primary');
  });

  it('says when there are none, and when there is no account', async () => {
    open(
      { CreditBalance: { creditAccount: { id: 'CA1', available: rub('1.00'), overdue: rub('0.00'), overdueDays: null } }, FinancePayments: paymentPage([]) },
      { path: '/finance/payments' },
    );
    expect(await screen.findByText('Платежей пока нет')).toBeTruthy();
  });

  it('says so when the organization has no credit account', async () => {
    open({}, { path: '/finance/payments' });
    expect(await screen.findByText('Кредитного счёта нет')).toBeTruthy();
  });
});
