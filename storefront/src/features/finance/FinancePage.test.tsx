import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { offsetCursor } from '../../lib/offsetPaging';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';
import { invoicePage, invoiceRow, rub, summary } from './fixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);

function open(answers: Record<string, Answer>, { path = '/finance', language = 'ru' as 'ru' | 'en' } = {}) {
  return renderApp({ path, language, showLocation: true, answers: { Me: me(1, 0), ...answers } });
}

describe('/finance', () => {
  it('shows the account’s figures, the overdue one marked with its days', async () => {
    open({ CreditAccountSummary: summary(), FinanceInvoices: invoicePage([]) });
    const figures = await screen.findByTestId('finance-figures');
    expect(within(screen.getByTestId('figure-available')).getByText(/^538\s000,00\s₽$/)).toBeTruthy();
    const overdue = screen.getByTestId('figure-overdue');
    expect(overdue.className).toContain('finance-figure--alert');
    expect(overdue.textContent).toMatch(/12\s500,00\s₽на 5 дней/);
    for (const label of ['Кредитный лимит', 'Задолженность', 'К оплате на этой неделе', 'Заказы без счёта', 'Аванс', 'Последний платёж']) {
      expect(within(figures).getByText(label)).toBeTruthy();
    }
    expect(screen.getByText('Условия: отсрочка 14 дней')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Кредитный счёт у «Завод «Краски России»»' })).toBeTruthy();
    expect(await screen.findByText('Счетов пока нет')).toBeTruthy();
  });

  it('says so when the organization has no credit account, and asks for no invoices', async () => {
    const { api } = open({ CreditAccountSummary: summary(null) });
    expect(await screen.findByText('Кредитного счёта нет')).toBeTruthy();
    expect(calls(api.calls, 'FinanceInvoices')).toHaveLength(0);
  });

  it('shows a buyer without VIEW_INVOICES the figures but not the invoices, as the API does', async () => {
    const viewer = me(1, 0);
    viewer.me!.memberships[0]!.permissions = ['PLACE_ORDERS', 'VIEW_ORDERS'];
    const { api } = open({ Me: viewer, CreditAccountSummary: summary() });
    expect(await screen.findByTestId('figure-available')).toBeTruthy();
    expect(screen.getByText(/Счета и платежи видят сотрудники/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Платежи' })).toBeNull();
    expect(calls(api.calls, 'FinanceInvoices')).toHaveLength(0);
  });

  it('lists invoices with their status, PDF link and order; no card button while card payments are off', async () => {
    open({
      CreditAccountSummary: summary(),
      FinanceInvoices: invoicePage([invoiceRow(1), invoiceRow(2, { status: 'OVERDUE', overdueDays: 3, remaining: rub('20000.00') }), invoiceRow(3, { status: 'PAID', remaining: rub('0.00') })]),
    });
    const list = await screen.findByRole('region', { name: '3 счёта' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'СЧ-26-00001' }).getAttribute('href')).toBe('/finance/invoices/INV1');
    expect(within(rows[0]!).getByRole('link', { name: '26-00041' }).getAttribute('href')).toBe('/orders/OR1');
    expect(within(rows[1]!).getByText('Просрочен на 3 дня')).toBeTruthy();
    expect(within(rows[2]!).getByText('Оплачен')).toBeTruthy();
    expect(within(rows[0]!).queryByText(/Просрочен/)).toBeNull();
    const pdf = within(rows[0]!).getByRole('link', { name: 'Скачать счёт СЧ-26-00001 в PDF' });
    expect(pdf.getAttribute('href')).toBe('/downloads/invoice/1.pdf?sig=abc');
    expect(pdf.hasAttribute('download')).toBe(true);
    expect(screen.queryByRole('button', { name: /Оплатить картой/ })).toBeNull();
  });

  it('says a partly paid invoice past its due date is late', async () => {
    open({ CreditAccountSummary: summary(), FinanceInvoices: invoicePage([invoiceRow(1, { status: 'PARTIALLY_PAID', overdueDays: 50 })]) });
    const list = await screen.findByRole('region', { name: '1 счёт' });
    const row = within(list).getAllByRole('row')[1]!;
    expect(within(row).getByText('Оплачен частично')).toBeTruthy();
    expect(within(row).getByText('Просрочен на 50 дней')).toBeTruthy();
  });

  it('offers «Оплатить картой» for open invoices only when card payments are on', async () => {
    open({
      CreditAccountSummary: summary({}, true),
      FinanceInvoices: invoicePage([invoiceRow(1), invoiceRow(2, { status: 'PAID' }), invoiceRow(3, { status: 'OVERDUE' }), invoiceRow(4, { status: 'CANCELLED' })]),
    });
    await screen.findByRole('region', { name: '4 счёта' });
    const buttons = screen.getAllByRole('button', { name: /^Оплатить картой счёт/ });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Оплатить картой счёт СЧ-26-00001', 'Оплатить картой счёт СЧ-26-00003']);
  });

  it('keeps the status filter in the URL and sends it; a stale status shows every invoice', async () => {
    const { api } = open({ CreditAccountSummary: summary(), FinanceInvoices: invoicePage([invoiceRow(1)]) });
    await screen.findByRole('region', { name: '1 счёт' });
    expect(calls(api.calls, 'FinanceInvoices')[0]).toMatchObject({ account: 'CA1', status: null, first: 25 });
    await userEvent.setup().selectOptions(screen.getByLabelText('Статус'), 'OVERDUE');
    expect(shownSearchParams().get('status')).toBe('OVERDUE');
    await waitFor(() => expect(calls(api.calls, 'FinanceInvoices').at(-1)).toMatchObject({ status: ['OVERDUE'] }));
  });

  it('opens the page of the URL with the shared pager', async () => {
    const { api } = open(
      { CreditAccountSummary: summary(), FinanceInvoices: invoicePage([invoiceRow(1)], 60) },
      { path: '/finance?status=bogus&page=2' },
    );
    const pager = await screen.findByRole('navigation', { name: 'Страницы счетов' });
    expect(pager).toBeTruthy();
    expect(calls(api.calls, 'FinanceInvoices')[0]).toMatchObject({ status: null, first: 25, after: offsetCursor(24) });
  });

  it('speaks English with English plurals', async () => {
    open({ CreditAccountSummary: summary({ netDays: 1 }), FinanceInvoices: invoicePage([invoiceRow(1, { status: 'OVERDUE', overdueDays: 1 })]) }, { language: 'en' });
    expect(await screen.findByRole('region', { name: '1 invoice' })).toBeTruthy();
    expect(screen.getByText('Terms: net 1 day')).toBeTruthy();
    expect(screen.getByText('Overdue by 1 day')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Credit account with Завод «Краски России»' })).toBeTruthy();
  });
});
