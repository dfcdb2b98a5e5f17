import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';
import { memberWith, orderRow, ordersAnswer } from './orderFixtures';

const NO_CLIENTS = { orderClients: [] };
const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);
const lastCall = (all: ApiCall[], name: string) => calls(all, name).at(-1);

function onPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 640px)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

afterEach(() => vi.unstubAllGlobals());

function open(path: string, answers: Record<string, Answer>, options: { language?: 'ru' | 'en' } = {}) {
  return renderApp({ path, showLocation: true, answers: { Me: me(1, 0), OrderFilterClients: NO_CLIENTS, ...answers }, ...options });
}

describe('/orders', () => {
  it('lists the orders in a table with the total count, a link in the navigation', async () => {
    const { api } = open('/orders', { Orders: ordersAnswer([orderRow(1), orderRow(2)], { total: 2 }) });
    const table = await screen.findByRole('table', { name: 'Заказы' });
    expect(within(table).getByRole('link', { name: '26-00001' }).getAttribute('href')).toBe('/orders/OR1');
    expect(within(table).getByText('ЗАК-77')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '2 заказа' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Основные разделы' }).textContent).toContain('Заказы');
    expect(lastCall(api.calls, 'Orders')).toMatchObject({ first: 25, sort: { field: 'PLACED_AT', direction: 'DESC' }, filter: { search: null, includeSubtree: true } });
  });

  it('puts the search, filters and sort into the URL, and reads them back from a link', async () => {
    const { api } = open('/orders', { Orders: ordersAnswer([orderRow(1)]) });
    await screen.findByRole('table', { name: 'Заказы' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Поиск заказа' }), 'ЗАК-77');
    await user.click(screen.getByRole('checkbox', { name: 'Ждёт согласования' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Тип заказа' }), 'Предзаказ');
    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: /Номер/ }));
    await waitFor(() => expect(lastCall(api.calls, 'Orders')?.['filter']).toMatchObject({ search: 'ЗАК-77' }));
    const params = shownSearchParams();
    expect(Object.fromEntries(params)).toEqual({ q: 'ЗАК-77', status: 'AWAITING_APPROVAL', type: 'PREORDER', from: '2026-11-01', sort: 'number' });
    expect(lastCall(api.calls, 'Orders')).toMatchObject({
      filter: { search: 'ЗАК-77', status: ['AWAITING_APPROVAL'], orderType: 'PREORDER', placedFrom: '2026-11-01' },
    });

    // The same link opened afresh shows the same controls.
    document.body.innerHTML = '';
    const again = open(`/orders?${params.toString()}`, { Orders: ordersAnswer([orderRow(1)]) });
    await screen.findByRole('table', { name: 'Заказы' });
    expect((screen.getByRole('searchbox', { name: 'Поиск заказа' }) as HTMLInputElement).value).toBe('ЗАК-77');
    expect((screen.getByRole('checkbox', { name: 'Ждёт согласования' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Тип заказа' }) as HTMLSelectElement).value).toBe('PREORDER');
    expect(screen.getByRole('columnheader', { name: /Номер/ }).getAttribute('aria-sort')).toBe('ascending');
    await waitFor(() => expect(lastCall(again.api.calls, 'Orders')).toMatchObject({ sort: { field: 'NUMBER', direction: 'ASC' } }));
  });

  it('says when there are no orders yet, and offers to clear filters when nothing matches', async () => {
    open('/orders', { Orders: ordersAnswer([]) });
    expect(await screen.findByText('Заказов пока нет')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Выгрузить в Excel' })).toBeNull();

    document.body.innerHTML = '';
    open('/orders?status=PAID,REJECTED&sort=total', { Orders: ordersAnswer([]) });
    expect(await screen.findByText('Ничего не найдено')).toBeTruthy();
    const clears = screen.getAllByRole('button', { name: 'Сбросить фильтры' });
    await userEvent.setup().click(clears.at(-1)!);
    await waitFor(() => expect(Object.fromEntries(shownSearchParams())).toEqual({ sort: 'total' }));
  });

  it('opens numbered pages on a desktop with the cursor of the page', async () => {
    const { api } = open('/orders', {
      Orders: ({ variables }: ApiCall) =>
        ordersAnswer([orderRow(variables['after'] ? 26 : 1)], { total: 60, hasNextPage: true, endCursor: 'c' }),
    });
    await screen.findByRole('table', { name: 'Заказы' });
    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Вперёд' })[0]!);
    await screen.findByRole('link', { name: '26-00026' });
    expect(shownSearchParams().get('page')).toBe('2');
    expect(lastCall(api.calls, 'Orders')).toMatchObject({ first: 25, after: btoa('arrayconnection:24') });
  });

  it('shows cards on a phone and adds the next page under them with «Показать ещё»', async () => {
    onPhone();
    const { api } = open('/orders', {
      Orders: ({ variables }: ApiCall) =>
        variables['after'] === 'END1'
          ? ordersAnswer([orderRow(26)], { total: 26 })
          : ordersAnswer([orderRow(1), orderRow(2)], { total: 26, hasNextPage: true, endCursor: 'END1' }),
    });
    expect(await screen.findByRole('link', { name: '№ 26-00001' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByRole('link', { name: '№ 26-00026' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '№ 26-00001' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull();
    expect(lastCall(api.calls, 'Orders')).toMatchObject({ after: 'END1', first: 25 });
  });

  it('marks a sub-dealer’s order read-only for the dealer, and filters by the sub-dealer', async () => {
    const sub = orderRow(3, { buyer: { id: 'O5', name: 'Подмосковный строитель' } });
    const { api } = open('/orders', {
      Me: me(1, 0, { admin: true }),
      Orders: ordersAnswer([orderRow(1), sub]),
      OrderFilterClients: { orderClients: [{ organization: { id: 'O5' }, name: 'Подмосковный строитель' }] },
    });
    const table = await screen.findByRole('table', { name: 'Заказы' });
    const rows = within(table).getAllByRole('row');
    expect(rows[2]!.textContent).toContain('Только просмотр');
    expect(rows[1]!.textContent).not.toContain('Только просмотр');
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Организация' }), 'Подмосковный строитель');
    await waitFor(() => expect(lastCall(api.calls, 'Orders')).toMatchObject({ filter: { organization: 'O5', includeSubtree: true } }));
    await user.click(screen.getByRole('checkbox', { name: 'Вместе с нижестоящими' }));
    await waitFor(() => expect(lastCall(api.calls, 'Orders')).toMatchObject({ filter: { organization: 'O5', includeSubtree: false } }));
  });

  it('exports the filtered list: the signed link is downloaded; a refusal is said', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    let refuse = false;
    const { api } = open('/orders?status=PLACED', {
      Orders: ordersAnswer([orderRow(1)]),
      OrderListExport: () =>
        refuse
          ? { orderListExport: { url: null, expiresAt: null, errors: [{ field: null, code: 'EXPORT_TOO_LARGE', message: 'too many' }] } }
          : { orderListExport: { url: '/media/exports/orders.xlsx?sig=1', expiresAt: null, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Выгрузить в Excel' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(lastCall(api.calls, 'OrderListExport')).toMatchObject({ filter: { status: ['PLACED'] }, language: 'ru' });
    refuse = true;
    await user.click(screen.getByRole('button', { name: 'Выгрузить в Excel' }));
    expect((await screen.findByRole('alert')).textContent).toContain('слишком много заказов');
    clicked.mockRestore();
  });

  it('refuses a member without VIEW_ORDERS, with no link in the navigation', async () => {
    open('/orders', { Me: memberWith(['PLACE_ORDERS']) });
    expect(await screen.findByText('Нет доступа к заказам')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Основные разделы' }).textContent).not.toContain('Заказы');
  });

  it('speaks English with plurals', async () => {
    open('/orders', { Orders: ordersAnswer([orderRow(1)], { total: 1 }) }, { language: 'en' });
    expect(await screen.findByRole('heading', { name: '1 order' })).toBeTruthy();
    expect(screen.getByText('14 lines')).toBeTruthy();
  });
});
