import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, type Answer, type ApiCall } from '../../../test/render';
import { reportRows, uploadedFile } from '../checkoutFixtures';
import { resetOrderClient } from '../orderBuyer';
import { OrderFileButton } from './OrderFileButton';

const LOADED = { timeout: 5000 };
const xlsx = () => new File(['PK'], 'заказ.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
const calls = (all: ApiCall[], operation: string) => all.filter((c) => c.operation === operation);

function answers(extra: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    OrderFileUpload: { orderFileUpload: { orderFile: uploadedFile(), errors: [] } },
    OrderFileApply: { orderFileApply: { cart: { id: 'CART1', lineCount: 1 }, report: reportRows(), addedCount: 1, skippedCount: 2, errors: [] } },
    OrderFileFix: { cartLinesAdd: { cart: { id: 'CART1', lineCount: 2 }, errors: [] } },
    ...extra,
  };
}

async function upload(path = '/cart') {
  const rendered = renderApp({ path, answers: answers(), element: <OrderFileButton /> });
  const user = userEvent.setup();
  await user.upload(await screen.findByLabelText('Файл заказа (xlsx или CSV)', {}, LOADED), xlsx());
  return { ...rendered, user, dialog: await screen.findByRole('dialog', { name: 'Столбцы файла заказ.xlsx' }) };
}

afterEach(() => {
  cleanup();
  resetOrderClient();
});

describe('an order file on the cart', () => {
  it('uploads the file, preselects the remembered columns and sends the mapping as changed', async () => {
    const { api, user, dialog } = await upload();
    expect(calls(api.calls, 'OrderFileUpload')[0]?.files?.[0]?.name).toBe('заказ.xlsx');
    expect(within(dialog).getByText('Столбцы выбраны как в прошлый раз: ваша организация их запомнила.')).toBeTruthy();
    const selects = within(dialog).getAllByTestId('mapping-column').map((column) => within(column).getByRole('combobox') as HTMLSelectElement);
    expect(selects.map((select) => select.value)).toEqual(['name', 'sku', 'quantity', 'skip']);
    // Each column is named by its header and shows the first rows under it.
    expect(within(dialog).getByLabelText(/Артикул/)).toBe(selects[1]);
    expect(within(dialog).getByText('Например: 60 шт · 12')).toBeTruthy();
    expect((within(dialog).getByLabelText('Строка заголовков') as HTMLInputElement).value).toBe('3');

    // The price column becomes the quantity: the column that held it lets go.
    await user.selectOptions(selects[3]!, 'quantity');
    expect(selects.map((select) => select.value)).toEqual(['name', 'sku', 'skip', 'quantity']);
    await user.click(within(dialog).getByRole('button', { name: 'Добавить в корзину' }));
    await waitFor(() => expect(calls(api.calls, 'OrderFileApply')).toHaveLength(1));
    expect(calls(api.calls, 'OrderFileApply')[0]?.variables).toEqual({
      id: 'F1',
      columns: { sheet: 0, headerRow: 3, sku: 1, quantity: 3, name: 0, unit: null, price: null },
    });
  });

  it('asks for the SKU and quantity columns before applying, and starts another sheet blank', async () => {
    const { api, user, dialog } = await upload();
    await user.selectOptions(within(dialog).getByLabelText('Лист'), '1');
    expect(within(dialog).queryByText(/как в прошлый раз/)).toBeNull();
    const selects = within(dialog).getAllByTestId('mapping-column').map((column) => within(column).getByRole('combobox') as HTMLSelectElement);
    expect(selects.map((select) => select.value)).toEqual(['skip', 'skip']);
    await user.selectOptions(selects[0]!, 'sku');
    await user.click(within(dialog).getByRole('button', { name: 'Добавить в корзину' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Выберите столбцы: Количество.');
    expect(calls(api.calls, 'OrderFileApply')).toHaveLength(0);
  });

  it('reports row by row and fixes a row with a suggested SKU or the nearest valid quantity', async () => {
    const { api, user, dialog } = await upload();
    await user.click(within(dialog).getByRole('button', { name: 'Добавить в корзину' }));
    const report = await screen.findByRole('dialog', { name: 'Что добавлено из файла' });
    expect(within(report).getByTestId('row-report-summary').textContent).toBe('Добавлена 1 строка · пропущены 2');
    const cards = within(report).getAllByTestId('report-card');
    expect(cards.map((card) => card.dataset.row)).toEqual(['5', '6']);
    expect(within(cards[0]!).getByText('KR-FAS-001-0.9L')).toBeTruthy();

    await user.click(within(cards[0]!).getByRole('button', { name: 'Добавить KR-FAS-0001-0.9L' }));
    expect(await within(cards[0]!).findByText('Добавлено: KR-FAS-0001-0.9L, 12')).toBeTruthy();
    expect(within(cards[0]!).queryByRole('button')).toBeNull();
    await user.click(within(cards[1]!).getByRole('button', { name: 'Добавить 12 шт.' }));
    await within(cards[1]!).findByText('Добавлено: EM-PF115-2.7L, 12');
    expect(within(report).getByTestId('row-report-summary').textContent).toBe('Добавлена 1 строка · пропущены 2 · исправлены 2');
    expect(calls(api.calls, 'OrderFileFix').map((c) => c.variables)).toEqual([
      { buyer: null, lines: [{ sku: 'KR-FAS-0001-0.9L', quantity: '12' }] },
      { buyer: null, lines: [{ sku: 'EM-PF115-2.7L', quantity: '12' }] },
    ]);
  });

  it('sends the file for the client ordered for, and says why a file is refused', async () => {
    const rendered = renderApp({
      path: '/cart?for=O5',
      language: 'en',
      answers: answers({ OrderFileUpload: { orderFileUpload: { orderFile: null, errors: [{ field: 'file', code: 'INVALID_FILE', message: 'not a spreadsheet' }] } } }),
      element: <OrderFileButton />,
    });
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Order file (xlsx or CSV)', {}, LOADED), xlsx());
    expect((await screen.findByTestId('order-file-problem')).textContent).toBe('The file is not an Excel workbook (.xlsx) or it is damaged.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(rendered.api.calls, 'OrderFileUpload')[0]?.variables.buyer).toBe('O5');
  });
});

describe('the checkout’s part of the cart page', () => {
  it('offers the order file and the checkout for the client ordered for', async () => {
    const { CartCheckoutActions } = await import('../CartCheckoutActions');
    renderApp({ path: '/cart?for=O5', answers: answers({ OrderClients: { orderClients: [] } }), element: <CartCheckoutActions clientName="Подмосковный строитель" /> });
    expect((await screen.findByTestId('ordering-for', {}, LOADED)).textContent).toContain('Заказ для клиента: Подмосковный строитель');
    expect(screen.getByRole('button', { name: 'Заказ из файла' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Перейти к оформлению' }).getAttribute('href')).toBe('/checkout?for=O5');
  });
});
