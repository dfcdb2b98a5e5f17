import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { center, movementsPage, PAINT, staff, stockManager, stockPage } from './testData';

function open(path: string, answers: Record<string, Answer> = {}) {
  return renderApp({
    path,
    answers: {
      Me: stockManager(),
      StockWarehouse: { node: { __typename: 'Warehouse', ...center } },
      StockItems: stockPage(),
      StockMovements: movementsPage(),
      StockIncoming: { incomingSupply: { totalCount: 0, edges: [] } },
      ...answers,
    },
  });
}

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name);

describe('/stock/warehouses/:id: the stock', () => {
  it('lists the stock with on hand, reserved and available, searched and filtered in the URL', async () => {
    const { api } = open('/stock/warehouses/W1?q=KR&inStock=1');
    const table = await screen.findByRole('table', { name: `Остатки склада «${center.name}»` });
    const row = within(table).getByRole('link', { name: 'KR-FAS-09' }).closest('tr')!;
    expect(row.textContent).toMatch(/120\sшт/);
    expect(row.textContent).toMatch(/20\sшт/);
    expect(row.textContent).toMatch(/100\sшт/);
    expect(within(table).getByRole('link', { name: 'KR-FAS-09' }).getAttribute('href')).toBe('/product/kraska-fasadnaia?variant=KR-FAS-09');
    await waitFor(() => expect(calls(api.calls, 'StockItems').at(-1)?.variables.filter).toEqual({ warehouse: 'W1', search: 'KR', inStock: true }));
    expect(screen.getByRole('heading', { level: 1, name: center.name })).toBeTruthy();
  });

  it('asks before a big drop, sends the comment, and says a refusal at the field', async () => {
    const { api } = open('/stock/warehouses/W1', {
      StockSet: {
        stockSet: { stockItem: null, errors: [{ field: 'onHand', code: 'ALLOCATED_EXCEEDS_ON_HAND', message: 'On hand 10 is below the 20 reserved for orders.', skus: ['KR-FAS-09'] }] },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить остаток: KR-FAS-09' }));
    const dialog = screen.getByRole('dialog', { name: 'Остаток KR-FAS-09' });
    const field = within(dialog).getByLabelText('На складе');
    await user.clear(field);
    await user.type(field, '10');
    await user.type(within(dialog).getByLabelText('Комментарий'), 'пересчёт');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(within(dialog).getByRole('status').textContent).toMatch(/Было 120\sшт\.?, станет 10\sшт/);
    expect(calls(api.calls, 'StockSet')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Да, уменьшить' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('On hand 10 is below the 20 reserved for orders.')).toBeTruthy();
    expect(calls(api.calls, 'StockSet').map((c) => c.variables)).toEqual([{ input: { warehouse: 'W1', variant: PAINT.id, onHand: '10', comment: 'пересчёт' } }]);
  });

  it('sets a small change at once and says it is saved', async () => {
    const { api } = open('/stock/warehouses/W1', {
      StockSet: { stockSet: { stockItem: { id: 'S1', onHand: '125', allocated: '20', updatedAt: '2026-11-30T11:00:00Z', available: { exact: '105', band: 'OVER_100', inStock: true } }, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить остаток: KR-FAS-09' }));
    const dialog = screen.getByRole('dialog');
    const field = within(dialog).getByLabelText('На складе');
    await user.clear(field);
    await user.type(field, '125');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText(/Остаток KR-FAS-09: 125\sшт/)).toBeTruthy();
    expect(calls(api.calls, 'StockSet')[0]?.variables).toEqual({ input: { warehouse: 'W1', variant: PAINT.id, onHand: '125', comment: null } });
  });

  it('for VIEW_ALL staff: read only, with no upload and no changes', async () => {
    open('/stock/warehouses/W1', { Me: staff('VIEW_ALL') });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Изменить/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Загрузка xlsx' })).toBeNull();
    expect(screen.getByRole('link', { name: 'История движений' })).toBeTruthy();
  });

  it('says when the warehouse is not there', async () => {
    open('/stock/warehouses/W404', { StockWarehouse: { node: null } });
    expect(await screen.findByText('Склад не найден')).toBeTruthy();
  });
});

const xlsx = () => new File([new Uint8Array([80, 75, 3, 4])], 'stock.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

describe('uploading stock from xlsx', () => {
  it('lists every bad row (row, column, value, message) and offers no apply', async () => {
    open('/stock/warehouses/W1?tab=upload', {
      StockUpload: {
        stockUpload: {
          result: null,
          rowErrors: [
            { row: 3, column: 'SKU', code: 'UNKNOWN_SKU', message: 'No variant has the SKU XX-1.', value: 'XX-1' },
            { row: 5, column: 'Quantity', code: 'FRACTIONAL_QUANTITY', message: 'KR-FAS-09 is counted in whole pieces: 2.5.', value: '2.5' },
          ],
          // The API sums the bad rows up in one error too.
          errors: [{ field: 'file', code: 'UPLOAD_INVALID', message: '2 rows cannot be loaded; nothing was saved.', skus: null }],
        },
      },
    });
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Файл xlsx'), xlsx());
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    const table = await screen.findByRole('table', { name: 'Ошибки файла' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['3', 'SKU', 'XX-1', expect.stringContaining('No variant has the SKU XX-1.') as unknown as string],
      ['5', 'Quantity', '2.5', expect.stringContaining('whole pieces') as unknown as string],
    ]);
    expect(screen.getByText('В файле 2 ошибки, ничего не сохранено')).toBeTruthy();
    expect(screen.queryByText('2 rows cannot be loaded; nothing was saved.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Применить' })).toBeNull();
  });

  it('checks first (added, changed, unchanged, zeroed), then applies in full mode and links to the history', async () => {
    const result = (applied: boolean) => ({ rows: 4, added: 1, changed: 2, unchanged: 1, zeroed: 3, applied });
    const { api } = open('/stock/warehouses/W1?tab=upload', {
      StockUpload: (call: ApiCall) => ({ stockUpload: { result: result(!call.variables.dryRun), rowErrors: [], errors: [] } }),
    });
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Файл xlsx'), xlsx());
    await user.click(screen.getByLabelText('Полная выгрузка склада'));
    expect(screen.getByText(/артикулы, которых в файле нет, обнулятся/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    const report = await screen.findByText('Проверены 4 строки, ошибок нет');
    expect(report.closest('[role="status"]')?.textContent).toMatch(/добавится 1 артикул.*изменятся 2 остатка.*без изменений 1 артикул.*обнулятся 3 артикула/);
    await user.click(screen.getByRole('button', { name: 'Применить' }));
    expect(await screen.findByText('Загружены 4 строки')).toBeTruthy();
    expect(calls(api.calls, 'StockUpload').map((c) => c.variables)).toEqual([
      { warehouse: 'W1', file: null, dryRun: true, full: true },
      { warehouse: 'W1', file: null, dryRun: false, full: true },
    ]);
    expect(calls(api.calls, 'StockUpload')[0]?.files?.map((f) => f.name)).toEqual(['stock.xlsx']);
    await user.click(screen.getByRole('link', { name: 'Открыть историю движений' }));
    expect(await screen.findByRole('table', { name: `История движений склада «${center.name}»` })).toBeTruthy();
  });

  it('shows a refusal of the whole file as an alert', async () => {
    open('/stock/warehouses/W1?tab=upload', {
      StockUpload: { stockUpload: { result: null, rowErrors: [], errors: [{ field: 'file', code: 'UPLOAD_INVALID', message: 'No SKU column found.', skus: null }] } },
    });
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Файл xlsx'), xlsx());
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No SKU column found.');
  });
});

describe('the movement history', () => {
  it('shows who, when, why, the change and what it became; filters by reason and period', async () => {
    const { api } = open('/stock/warehouses/W1?tab=movements');
    const table = await screen.findByRole('table', { name: `История движений склада «${center.name}»` });
    const row = within(table).getByRole('link', { name: 'KR-FAS-09' }).closest('tr')!;
    expect(row.textContent).toContain('Загрузка xlsx');
    expect(row.textContent).toMatch(/−30\sшт/);
    expect(row.textContent).toContain('Юлия Миронова');
    expect(row.textContent).toContain('stock.xlsx');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Причина'), 'RECEIPT');
    await waitFor(() => expect(calls(api.calls, 'StockMovements').at(-1)?.variables.filter).toMatchObject({ warehouse: 'W1', reasons: ['RECEIPT'] }));
    await user.type(screen.getByLabelText('С'), '2026-11-01');
    await waitFor(() => expect(calls(api.calls, 'StockMovements').at(-1)?.variables.filter).toMatchObject({ since: new Date('2026-11-01T00:00:00').toISOString() }));
  });
});

describe('incoming supply', () => {
  it('lists what is expected and receives a part of it', async () => {
    const supply = {
      id: 'I1',
      expectedDate: '2026-12-15',
      reference: 'PO-77',
      reserved: '5',
      quantity: { exact: '40', band: 'OVER_10', inStock: true },
      variant: PAINT,
    };
    const { api } = open('/stock/warehouses/W1?tab=incoming', {
      StockIncoming: { incomingSupply: { totalCount: 1, edges: [{ node: supply }] } },
      StockIncomingReceive: { incomingSupplyReceive: { incomingSupply: { id: 'I1' }, errors: [] } },
    });
    const table = await screen.findByRole('table', { name: `Ожидаемые поставки склада «${center.name}»` });
    expect(within(table).getByText('15.12.2026')).toBeTruthy();
    expect(within(table).getByText('PO-77')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Принять поставку: KR-FAS-09' }));
    const dialog = screen.getByRole('dialog', { name: 'Приёмка KR-FAS-09' });
    const field = within(dialog).getByLabelText('Пришло');
    await user.clear(field);
    await user.type(field, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Принять' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Поставка принята, остаток увеличен')).toBeTruthy();
    expect(calls(api.calls, 'StockIncomingReceive')[0]?.variables).toEqual({ id: 'I1', quantity: '30' });
  });

  it('deletes a planned supply after a confirmation, and says why one taken by pre-orders stays', async () => {
    const supply = {
      id: 'I1',
      expectedDate: '2026-12-15',
      reference: '',
      reserved: '0',
      quantity: { exact: '40', band: 'OVER_10', inStock: true },
      variant: PAINT,
    };
    let attempt = 0;
    const { api } = open('/stock/warehouses/W1?tab=incoming', {
      StockIncoming: { incomingSupply: { totalCount: 1, edges: [{ node: supply }] } },
      StockIncomingDelete: () => {
        attempt += 1;
        return attempt === 1
          ? { incomingSupplyDelete: { deletedId: null, errors: [{ field: 'id', code: 'SUPPLY_RESERVED', message: 'Pre-orders already reserve 5 of it.', skus: ['KR-FAS-09'] }] } }
          : { incomingSupplyDelete: { deletedId: 'I1', errors: [] } };
      },
    });
    await screen.findByRole('table', { name: `Ожидаемые поставки склада «${center.name}»` });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Удалить поставку: KR-FAS-09' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить поставку KR-FAS-09?' });
    expect(dialog.textContent).toContain('15.12.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Удалить' }));
    expect(await within(dialog).findByText('Часть этой поставки держат предзаказы: её нельзя удалить.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Поставка удалена')).toBeTruthy();
    expect(calls(api.calls, 'StockIncomingDelete').map((c) => c.variables)).toEqual([{ id: 'I1' }, { id: 'I1' }]);
  });
});
