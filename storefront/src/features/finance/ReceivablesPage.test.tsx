import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';
import { creditStaff, receivableRow, receivablesAnswer, rub } from './manageFixtures';

const lastCall = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables).at(-1);

function open(path: string, answers: Record<string, Answer>, viewer = creditStaff(), language: 'ru' | 'en' = 'ru') {
  return renderApp({ path, showLocation: true, language, answers: { Me: viewer, ...answers } });
}

describe('/finance/receivables', () => {
  it('lists each client with limit, debt, due this week, overdue with days and last payment, overdue first', async () => {
    const rows = [receivableRow(1, { overdue: rub('45000.00'), overdueDays: 12 }), receivableRow(2)];
    const { api } = open('/finance/receivables', { ManageReceivables: receivablesAnswer(rows, 27) });
    const table = await screen.findByRole('table', { name: 'Задолженность клиентов' });
    expect(within(table).getByRole('link', { name: 'Клиент 1' }).getAttribute('href')).toBe('/finance/accounts/CA1');
    expect(within(table).getByText('12 дней')).toBeTruthy();
    expect(within(table).getByText(/45\s000,00\s₽/)).toBeTruthy();
    expect(within(table).getAllByText(/доступно 380\s000,00\s₽/)).toHaveLength(2);
    expect(screen.getByRole('heading', { name: '27 клиентов' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Страницы дебиторки' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: /Просрочено/ }).getAttribute('aria-sort')).toBe('descending');
    expect(lastCall(api.calls, 'ManageReceivables')).toMatchObject({ first: 25, sort: { field: 'OVERDUE', direction: 'DESC' }, filter: { search: null, overdueOnly: null } });
  });

  it('sorts by a column header and keeps the sort, search and overdue filter in the URL', async () => {
    const { api } = open('/finance/receivables', { ManageReceivables: receivablesAnswer([receivableRow(1)]) });
    await screen.findByRole('table', { name: 'Задолженность клиентов' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Дней просрочки/ }));
    await waitFor(() => expect(shownSearchParams().get('sort')).toBe('-overdueDays'));
    await user.click(screen.getByRole('button', { name: /Дней просрочки/ }));
    await waitFor(() => expect(shownSearchParams().get('sort')).toBe('overdueDays'));
    await user.type(screen.getByRole('searchbox', { name: 'Клиент или ИНН' }), '7701');
    await user.click(screen.getByRole('checkbox', { name: 'Только с просрочкой' }));
    await waitFor(() => expect(lastCall(api.calls, 'ManageReceivables')?.['filter']).toMatchObject({ search: '7701', overdueOnly: true }));
    expect(Object.fromEntries(shownSearchParams())).toEqual({ sort: 'overdueDays', q: '7701', overdue: '1' });
    expect(lastCall(api.calls, 'ManageReceivables')).toMatchObject({ sort: { field: 'OVERDUE_DAYS', direction: 'ASC' } });
    // A phone's cards have no headers: the same sort from the select.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Сортировка' }), 'Последний платёж: по убыванию');
    await waitFor(() => expect(shownSearchParams().get('sort')).toBe('-lastPayment'));
  });

  it('opens a page from a link and exports the list as shown, saying a refusal by its code', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let refuse = false;
    const { api } = open('/finance/receivables?page=2&sort=client', {
      ManageReceivables: receivablesAnswer([receivableRow(1)], 60),
      ManageReceivablesExport: () =>
        refuse
          ? { receivablesExport: { url: null, errors: [{ field: null, code: 'PERMISSION_DENIED', message: 'no' }] } }
          : { receivablesExport: { url: '/media/exports/receivables.xlsx?sig=1', errors: [] } },
    });
    await screen.findByRole('table', { name: 'Задолженность клиентов' });
    expect(lastCall(api.calls, 'ManageReceivables')).toMatchObject({ first: 25, after: expect.any(String) as unknown, sort: { field: 'CLIENT', direction: 'ASC' } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Выгрузить в Excel' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(lastCall(api.calls, 'ManageReceivablesExport')).toMatchObject({ sort: { field: 'CLIENT', direction: 'ASC' } });
    refuse = true;
    await user.click(screen.getByRole('button', { name: 'Выгрузить в Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    clicked.mockRestore();
  });

  it('says when nobody is on credit, in English too, and refuses a viewer without MANAGE_CREDIT', async () => {
    open('/finance/receivables', { ManageReceivables: receivablesAnswer([]) }, creditStaff(), 'en');
    expect(await screen.findByText('No clients on credit yet')).toBeTruthy();

    document.body.innerHTML = '';
    open('/finance/receivables', { ManageReceivables: receivablesAnswer([receivableRow(1, { overdueDays: 1 })], 1) }, creditStaff(), 'en');
    expect(await screen.findByRole('heading', { name: '1 client' })).toBeTruthy();
    expect(screen.getByText('1 day')).toBeTruthy();

    document.body.innerHTML = '';
    open('/finance/receivables', {}, me(1, 0));
    expect(await screen.findByText('Нет доступа к кредитам клиентов')).toBeTruthy();
  });
});
