import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../../../test/render';
import { derivedList, resaleList } from './testData';

const indexOf = (...lists: Array<typeof resaleList>) => ({ priceLists: { totalCount: lists.length, edges: lists.map((node) => ({ node })) } });
const lastIndexCall = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PriceListsIndex').at(-1)?.variables;

describe('the price lists index', () => {
  it("shows a dealer's lists with their terms, filtered from the URL, the below-floor badge", async () => {
    const below = { ...resaleList, id: 'L3', name: 'Старый прайс', belowFloorSince: '2026-11-20T10:00:00Z', validFrom: '2026-01-01', validUntil: '2026-12-31' };
    const { api } = renderApp({
      path: '/prices/lists?kind=RESALE&belowFloor=1&search=%D0%9F%D1%80%D0%B0%D0%B9%D1%81',
      answers: { Me: me(1, 0, { admin: true }), PriceListsIndex: indexOf(resaleList, below) },
    });
    const table = await screen.findByRole('table', { name: 'Прайс-листы' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'Прайс для субдилеров' }).getAttribute('href')).toBe('/prices/lists/L1');
    expect(rows[1]!.textContent).toContain('Для перепродажи');
    expect(rows[1]!.textContent).toContain('Всегда');
    expect(rows[1]!.textContent).toContain('Цены с НДС');
    expect(rows[2]!.textContent).toContain('Ниже минимальной цены');
    expect(rows[2]!.textContent).toContain('с 01.01.2026 по 31.12.2026');
    // A partner sees its own lists: no owner column.
    expect(within(table).queryByRole('columnheader', { name: 'Владелец' })).toBeNull();
    expect(lastIndexCall(api.calls)).toMatchObject({ kind: 'RESALE', belowFloor: true, search: 'Прайс', currency: null, first: 25 });
    expect((screen.getByLabelText('Ниже минимальной цены') as HTMLInputElement).checked).toBe(true);
  });

  it('shows staff the owner, and puts a filter in the URL from page 1', async () => {
    const { api } = renderApp({
      path: '/prices/lists?page=2',
      showLocation: true,
      answers: { Me: me(1, 0, { staffPermissions: ['MANAGE_PRICES'] }), PriceListsIndex: indexOf(derivedList) },
    });
    const table = await screen.findByRole('table', { name: 'Прайс-листы' });
    expect(within(table).getByRole('columnheader', { name: 'Владелец' })).toBeTruthy();
    expect(table.textContent).toContain('Завод');
    expect(table.textContent).toContain('Производный');
    await userEvent.setup().selectOptions(screen.getByLabelText('Валюта'), 'RUB');
    await waitFor(() => expect(lastIndexCall(api.calls)).toMatchObject({ currency: 'RUB' }));
    expect(shownSearchParams().get('currency')).toBe('RUB');
    expect(shownSearchParams().get('page')).toBeNull();
  });

  it('says when there are no lists, and when none match', async () => {
    renderApp({ path: '/prices/lists', answers: { Me: me(1, 0, { admin: true }), PriceListsIndex: indexOf() } });
    expect(await screen.findByText('Прайс-листов пока нет')).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    renderApp({
      path: '/prices/lists?kind=PURCHASE',
      answers: { Me: me(1, 0, { admin: true }), PriceListsIndex: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_ERROR' } }] } },
    });
    expect(await screen.findByRole('button', { name: 'Повторить' })).toBeTruthy();
  });

  it('creates a derived list, showing the field errors the API answers, then opens it', async () => {
    let attempt = 0;
    const { api } = renderApp({
      path: '/prices/lists',
      showLocation: true,
      answers: {
        Me: me(1, 0, { admin: true }),
        PriceListsIndex: indexOf(resaleList),
        PriceListSearch: { priceLists: { edges: [{ node: { id: 'L1', name: 'Прайс для субдилеров', currency: 'RUB' } }] } },
        PriceListCreate: () =>
          (attempt += 1) === 1
            ? {
                priceListCreate: {
                  priceList: null,
                  errors: [
                    { field: 'validUntil', code: 'INVALID_PERIOD', message: 'The end is before the start.', skus: null, listIds: null },
                    { field: 'source', code: 'FORMULA_CYCLE', message: 'Lists are derived in a circle.', skus: null, listIds: ['L1'] },
                  ],
                },
              }
            : { priceListCreate: { priceList: { id: 'L9' }, errors: [] } },
        PriceListDetail: { priceList: null },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Создать прайс-лист' }));
    const dialog = screen.getByRole('dialog', { name: 'Новый прайс-лист' });
    await user.type(within(dialog).getByLabelText('Название'), 'Производный');
    expect((within(dialog).getByLabelText('Тип') as HTMLSelectElement).value).toBe('RESALE');
    await user.type(within(dialog).getByLabelText('Действует с'), '2026-12-01');
    await user.type(within(dialog).getByLabelText('Действует по'), '2026-11-01');
    await user.click(within(dialog).getByLabelText(/Производный: цены/));
    await user.type(within(dialog).getByRole('combobox', { name: 'Исходный прайс-лист' }), 'Прайс');
    await user.click(await within(dialog).findByRole('option', { name: /Прайс для субдилеров/ }));
    await user.clear(within(dialog).getByLabelText('Множитель'));
    await user.type(within(dialog).getByLabelText('Множитель'), '0,92');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    expect(await within(dialog).findByText('Дата окончания раньше даты начала.')).toBeTruthy();
    expect(within(dialog).getByText(/получается цикл/)).toBeTruthy();
    const sent = api.calls.find((c) => c.operation === 'PriceListCreate')?.variables;
    expect(sent?.input).toMatchObject({
      name: 'Производный',
      kind: 'RESALE',
      currency: 'RUB',
      validFrom: '2026-12-01',
      validUntil: '2026-11-01',
      source: 'L1',
      formulaFactor: '0.92',
      formulaRounding: 'CENT',
      fallback: null,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/lists/L9'));
  });
});
