import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';
import { cart, reportRow } from './cartFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const suggestions = [
  { sku: 'KR-FAS-0003-10', name: 'Фасад-Про 10 л', variant: { id: 'PV3', unit: 'PCS', minOrderQuantity: '10.000', orderMultiple: '10.000' } },
  { sku: 'KR-FAS-0003-20', name: 'Фасад-Про 20 л', variant: { id: 'PV4', unit: 'PCS', minOrderQuantity: '6.000', orderMultiple: '6.000' } },
];

describe('the quick-order pad', () => {
  it('reports each pasted line and adds a suggested SKU or the nearest quantity with one tap', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: {
        Me: me(1),
        CartPage: { cart: cart([]) },
        QuickOrderAdd: {
          quickOrderAdd: {
            cart: cart(),
            addedCount: 1,
            skippedCount: 2,
            errors: [],
            report: [
              reportRow(),
              reportRow({ row: 2, sku: 'KR-FAS-003-10', quantityText: '12', status: 'SKIPPED', quantity: null, code: 'UNKNOWN_SKU', suggestions: ['KR-FAS-0003-10', 'KR-FAS-0030-10'], variant: null }),
              reportRow({ row: 3, sku: 'KR-GRU-0100-5', quantityText: '7 шт', status: 'SKIPPED', quantity: null, code: 'NOT_MULTIPLE', nearestQuantity: '8', variant: { id: 'PV9', name: '', unit: 'PCS' } }),
            ],
          },
        },
        CartLinesAdd: (call: ApiCall) => ({ cartLinesAdd: { cart: cart(), errors: [], _sent: call.variables } }),
      },
    });
    const user = userEvent.setup();
    const pad = await screen.findByTestId('quick-order');
    await user.type(within(pad).getByRole('textbox', { name: 'Строки заказа' }), 'KR-FAS-0003-10 20{Enter}KR-FAS-003-10 12{Enter}KR-GRU-0100-5;7 шт');
    await user.click(within(pad).getByRole('button', { name: 'Добавить в корзину' }));

    const report = await within(pad).findByTestId('line-report');
    expect(plain(within(report).getByRole('status').textContent)).toBe('Добавлена 1 строка. Пропущены 2 строки.');
    const rows = within(report).getAllByTestId('line-report-row');
    expect(plain(rows[0]!.textContent)).toBe('Строка 1: KR-FAS-0003-10 × 20 — добавлено 20 шт.');
    expect(plain(rows[1]!.textContent)).toContain('Строка 2: KR-FAS-003-10 × 12 — Товара с таким артикулом нет.');
    expect(api.calls.find((call) => call.operation === 'QuickOrderAdd')?.variables.text).toBe(
      'KR-FAS-0003-10 20\nKR-FAS-003-10 12\nKR-GRU-0100-5;7 шт',
    );
    // A skipped line stays in the pad, to be corrected there too.
    expect((within(pad).getByRole('textbox', { name: 'Строки заказа' }) as HTMLTextAreaElement).value).not.toBe('');

    await user.click(within(rows[1]!).getByRole('button', { name: 'Добавить KR-FAS-0003-10' }));
    await waitFor(() => expect(plain(rows[1]!.textContent)).toContain('добавлено: KR-FAS-0003-10, 12'));
    expect(api.calls.filter((call) => call.operation === 'CartLinesAdd')[0]?.variables).toEqual({
      lines: [{ sku: 'KR-FAS-0003-10', quantity: '12' }],
      source: 'QUICK_ORDER',
    });

    await user.click(within(rows[2]!).getByRole('button', { name: 'Добавить 8 шт.' }));
    await waitFor(() => expect(api.calls.filter((call) => call.operation === 'CartLinesAdd')).toHaveLength(2));
    expect(api.calls.filter((call) => call.operation === 'CartLinesAdd')[1]?.variables.lines).toEqual([{ sku: 'KR-GRU-0100-5', quantity: '8' }]);
  });

  it('suggests SKUs as one types, moved through with the arrow keys; Enter puts the line with its minimum into the pad', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: { Me: me(1), CartPage: { cart: cart([]) }, SkuSuggestions: { skuSuggestions: suggestions } },
    });
    const user = userEvent.setup();
    const pad = await screen.findByTestId('quick-order');
    const search = within(pad).getByRole('combobox', { name: 'Найти артикул' });
    await user.type(search, 'K');
    // One character asks nothing.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.some((call) => call.operation === 'SkuSuggestions')).toBe(false);
    await user.type(search, 'R-FAS');
    const list = await within(pad).findByRole('listbox', { name: 'Подходящие артикулы' });
    expect(api.calls.filter((call) => call.operation === 'SkuSuggestions')).toHaveLength(1);
    expect(api.calls.find((call) => call.operation === 'SkuSuggestions')?.variables).toEqual({ query: 'KR-FAS' });
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(2);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(search.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowDown}');
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    const pasted = within(pad).getByRole('textbox', { name: 'Строки заказа' }) as HTMLTextAreaElement;
    expect(pasted.value).toBe('KR-FAS-0003-20 6');
    expect((search as HTMLInputElement).value).toBe('');
    expect(search.getAttribute('aria-expanded')).toBe('false');

    await user.type(search, 'KR-FAS');
    await within(pad).findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(search.getAttribute('aria-expanded')).toBe('false');
  });
});
