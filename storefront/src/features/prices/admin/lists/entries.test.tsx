import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../../../test/render';
import { doorEntries, entriesPage, resaleList } from './testData';

const saved = { priceListEntriesSetVariants: { priceList: { id: 'L1', entryCount: 3 }, errors: [] } };
const sentSaves = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PriceListEntriesSave').map((c) => c.variables);

function open(answers: Record<string, Answer> = {}) {
  return renderApp({
    path: '/prices/lists/L1',
    answers: {
      Me: me(1, 0, { admin: true }),
      PriceListDetail: { priceList: resaleList },
      // The editor loads every tier of its variant by SKU; the page by the list's search.
      PriceListEntriesPage: (call: ApiCall) => (call.variables.search === 'DV-OAK-700' ? doorEntries : entriesPage),
      ...answers,
    },
  });
}

async function editDoor() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Изменить цены DV-OAK-700' }));
  const editor = await screen.findByRole('group', { name: 'Цены DV-OAK-700' });
  await within(editor).findByLabelText('От количества (ступень 2)');
  return { user, editor };
}

describe("a list's prices", () => {
  it("saves a variant's tiers as edited: a price changed, a tier added, one removed", async () => {
    const { api } = open({ PriceListEntriesSave: saved });
    const { user, editor } = await editDoor();
    const price = within(editor).getByLabelText('Цена за единицу, RUB (ступень 1)');
    await user.clear(price);
    await user.type(price, '14 990,50');
    await user.click(within(editor).getByRole('button', { name: 'Удалить ступень 2' }));
    await user.click(within(editor).getByRole('button', { name: 'Добавить ступень' }));
    await user.type(within(editor).getByLabelText('От количества (ступень 2)'), '50');
    await user.type(within(editor).getByLabelText('Цена за единицу, RUB (ступень 2)'), '13500');
    await user.selectOptions(within(editor).getByLabelText('Единица (ступень 2)'), 'PACK');
    await user.click(within(editor).getByRole('button', { name: 'Сохранить цены' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Цены DV-OAK-700' })).toBeNull());
    expect(sentSaves(api.calls)).toEqual([
      {
        priceList: 'L1',
        variants: ['V1'],
        rows: [
          { variant: 'V1', minQuantity: '1', price: '14990.50', unit: null },
          { variant: 'V1', minQuantity: '50', price: '13500', unit: 'PACK' },
        ],
      },
    ]);
  });

  it('checks the tiers before sending: a duplicate quantity, a zero price', async () => {
    const { api } = open({ PriceListEntriesSave: saved });
    const { user, editor } = await editDoor();
    const quantity = within(editor).getByLabelText('От количества (ступень 2)');
    await user.clear(quantity);
    await user.type(quantity, '1');
    const price = within(editor).getByLabelText('Цена за единицу, RUB (ступень 1)');
    await user.clear(price);
    await user.type(price, '0');
    await user.click(within(editor).getByRole('button', { name: 'Сохранить цены' }));
    expect(within(editor).getByText('Цена должна быть больше нуля.')).toBeTruthy();
    expect(within(editor).getByText('Такая ступень уже есть.')).toBeTruthy();
    expect(sentSaves(api.calls)).toEqual([]);
  });

  it.each([
    ['BELOW_MAP_FLOOR', 'Цены ниже минимальной цены перепродажи (МРЦ).'],
    ['DUPLICATE_TIER', 'Одна и та же ступень (товар и минимальное количество) указана дважды.'],
    ['NON_POSITIVE_PRICE', 'Цена должна быть больше нуля.'],
    ['CURRENCY_MISMATCH', 'Валюты не совпадают.'],
  ])('shows a %s refusal at the row with its SKUs, and keeps the editor open', async (code, text) => {
    open({
      PriceListEntriesSave: {
        priceListEntriesSetVariants: { priceList: null, errors: [{ field: 'entries', code, message: 'Refused.', skus: ['DV-OAK-700'], listIds: null }] },
      },
    });
    const { user, editor } = await editDoor();
    await user.click(within(editor).getByRole('button', { name: 'Сохранить цены' }));
    const alert = await within(editor).findByRole('alert');
    expect(within(alert).getByText(text)).toBeTruthy();
    expect(within(within(alert).getByRole('list', { name: 'Артикулы' })).getByText('DV-OAK-700')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Цены DV-OAK-700' })).toBeTruthy();
  });

  it('adds a variant found by the picker with its first tier', async () => {
    const { api } = open({
      PriceListEntriesSave: saved,
      PriceVariantSearch: { products: { edges: [{ node: { id: 'P3', name: 'Эмаль', variants: [{ id: 'V3', sku: 'EM-UNI-1', name: '1 кг' }] } }] } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('combobox', { name: 'Добавить товар' }), 'EM-UNI');
    await user.click(await screen.findByRole('option', { name: /EM-UNI-1/ }));
    const editor = await screen.findByRole('group', { name: 'Цены EM-UNI-1' });
    await user.type(within(editor).getByLabelText('Цена за единицу, RUB (ступень 1)'), '520');
    await user.click(within(editor).getByRole('button', { name: 'Сохранить цены' }));
    await waitFor(() => expect(sentSaves(api.calls)).toHaveLength(1));
    expect(sentSaves(api.calls)[0]).toEqual({ priceList: 'L1', variants: ['V3'], rows: [{ variant: 'V3', minQuantity: '1', price: '520', unit: null }] });
  });

  it("removes a variant's prices after a confirmation", async () => {
    const { api } = open({ PriceListEntriesSave: saved });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Убрать KR-FAS-09 из прайс-листа' }));
    const dialog = screen.getByRole('dialog', { name: 'Убрать KR-FAS-09?' });
    expect(sentSaves(api.calls)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Убрать' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sentSaves(api.calls)).toEqual([{ priceList: 'L1', variants: ['V2'], rows: [] }]);
  });
});
