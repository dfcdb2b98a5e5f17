import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { center, staff, stockManager } from './testData';

const COUNTRIES = {
  countries: [{ code: 'RU', name: 'Россия', nameEn: 'Russia', regions: [{ code: 'MOW', name: 'Москва', nameEn: 'Moscow' }, { code: 'PRI', name: 'Приморский край', nameEn: 'Primorsky Krai' }] }],
};
const listOf = (...rows: (typeof center)[]) => ({ warehouses: { totalCount: rows.length, edges: rows.map((node) => ({ node })) } });

function open(path: string, answers: Record<string, Answer>) {
  return renderApp({
    path,
    answers: { Me: stockManager(), Countries: COUNTRIES, StockWarehouses: listOf(center), StockSellerSettings: { sellerStockSettings: null }, ...answers },
  });
}

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);

describe('/stock: the warehouses', () => {
  it('lists a partner’s own stock centers, with the header link «Склады»', async () => {
    const { api } = open('/stock', {});
    const table = await screen.findByRole('table', { name: 'Склады' });
    expect(within(table).getByRole('link', { name: center.name }).getAttribute('href')).toBe('/stock/warehouses/W1');
    expect(within(table).getByText('Склад партнёра')).toBeTruthy();
    expect(within(table).queryByRole('columnheader', { name: 'Владелец' })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Основные разделы' }).textContent).toContain('Склады');
    expect(calls(api.calls, 'StockWarehouses')[0]).toEqual({ first: 25, filter: { manageable: true, search: null, includeInactive: null } });
  });

  it('shows staff every warehouse with its owner, and VIEW_ALL cannot add one', async () => {
    const factory = { ...center, id: 'W9', name: 'Завод «Краснодар»', kind: 'FACTORY' as const, ownerName: 'АО «Завод»', canManage: false };
    const { api } = open('/stock', { Me: staff('VIEW_ALL'), StockWarehouses: listOf(factory) });
    const table = await screen.findByRole('table', { name: 'Склады' });
    expect(within(table).getByRole('columnheader', { name: 'Владелец' })).toBeTruthy();
    expect(within(table).getByText('АО «Завод»')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Добавить склад' })).toBeNull();
    expect(calls(api.calls, 'StockWarehouses')[0]?.filter).toEqual({ manageable: null, search: null, includeInactive: null });
  });

  it('refuses a buyer without MANAGE_STOCK and shows no header link', async () => {
    open('/stock', { Me: me(1, 0) });
    expect(await screen.findByText('Нет доступа к складам')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Основные разделы' }).textContent).not.toContain('Склады');
  });

  it('says when there are none yet', async () => {
    open('/stock', { StockWarehouses: listOf() });
    expect(await screen.findByText('Складов пока нет')).toBeTruthy();
  });

  it('creates a stock center, the region chosen from the list; a taken code is said at its field', async () => {
    let attempt = 0;
    const { api } = open('/stock', {
      StockWarehouseCreate: () => {
        attempt += 1;
        return attempt === 1
          ? { warehouseCreate: { warehouse: null, errors: [{ field: 'code', code: 'WAREHOUSE_CODE_TAKEN', message: 'The code MSK-2 is taken.', skus: null }] } }
          : { warehouseCreate: { warehouse: { ...center, id: 'W2' }, errors: [] } };
      },
      StockWarehouse: { node: { __typename: 'Warehouse', ...center, id: 'W2' } },
      StockItems: { stockItems: { totalCount: 0, edges: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Добавить склад' }));
    const dialog = screen.getByRole('dialog', { name: 'Новый склад' });
    expect(within(dialog).queryByLabelText('Тип склада')).toBeNull();
    await user.type(within(dialog).getByLabelText('Код'), 'MSK-2');
    await user.type(within(dialog).getByLabelText('Название'), 'Второй склад');
    await user.type(within(dialog).getByLabelText('Адрес'), 'ул. Лесная, 1');
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Регион' }), 'Приморский край');
    await user.type(within(dialog).getByLabelText('Город'), 'Владивосток');
    await user.type(within(dialog).getByLabelText('Широта'), '43,115');
    await user.click(within(dialog).getByLabelText('Можно забрать самовывозом'));
    await user.click(within(dialog).getByRole('button', { name: 'Создать склад' }));
    const code = await within(dialog).findByLabelText('Код');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(calls(api.calls, 'StockWarehouseCreate')[0]?.input).toEqual({
      code: 'MSK-2',
      name: 'Второй склад',
      kind: 'STOCK_CENTER',
      address: 'ул. Лесная, 1',
      country: 'RU',
      region: 'Приморский край',
      city: 'Владивосток',
      latitude: '43.115',
      longitude: null,
      pickupAllowed: true,
      priority: 100,
      handlingDays: 1,
      display: 'EXACT',
      networkDisplay: 'BANDS',
      sharedWithNetwork: false,
      isActive: true,
    });
    await user.clear(code);
    await user.type(code, 'MSK-3');
    await user.click(within(dialog).getByRole('button', { name: 'Создать склад' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('heading', { level: 1, name: center.name })).toBeTruthy();
  });
});

describe('/stock: how orders are split across the warehouses', () => {
  it('shows the seller its rule, explains the one chosen, and saves a change', async () => {
    const { api } = open('/stock', {
      StockSellerSettings: { sellerStockSettings: { strategy: 'NEAREST' } },
      StockSellerSettingsUpdate: { sellerStockSettingsUpdate: { sellerStockSettings: { strategy: 'FEWEST_SHIPMENTS' }, errors: [] } },
    });
    const rule = await screen.findByRole('combobox', { name: 'Правило' });
    expect((rule as HTMLSelectElement).value).toBe('NEAREST');
    const save = screen.getByRole('button', { name: 'Сохранить правило' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const user = userEvent.setup();
    await user.selectOptions(rule, 'FEWEST_SHIPMENTS');
    expect(screen.getByText('Как можно меньше складов на заказ: меньше отгрузок и доставок.')).toBeTruthy();
    await user.click(save);
    expect(await screen.findByText('Правило сохранено: новые расчёты и заказы пойдут по нему.')).toBeTruthy();
    expect(calls(api.calls, 'StockSellerSettingsUpdate')).toEqual([{ strategy: 'FEWEST_SHIPMENTS' }]);
  });

  it('is not there for an organization that sells to nobody', async () => {
    open('/stock', {});
    await screen.findByRole('table', { name: 'Склады' });
    expect(screen.queryByRole('heading', { name: 'Распределение заказов по складам' })).toBeNull();
  });
});
