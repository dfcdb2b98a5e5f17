import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MapFloorRowFragment } from '../../../../gql/graphql';
import { me, pagedAnswer } from '../../../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../../../test/render';

const floors: MapFloorRowFragment[] = [
  {
    id: 'F1',
    currency: 'RUB',
    amount: null,
    percent: '110.00',
    updatedAt: '2026-11-20T10:00:00Z',
    variant: null,
    category: { id: 'C1', name: 'Краски' },
  },
  {
    id: 'F2',
    currency: 'RUB',
    amount: '512.40',
    percent: null,
    updatedAt: '2026-11-21T10:00:00Z',
    variant: { id: 'V1', sku: 'KR-FAS-0001-0.9L', name: '0,9 л', product: { id: 'P1', name: 'Фасад-Про' } },
    category: null,
  },
];
const categories = {
  PriceCategoryOptions: {
    categories: {
      edges: [
        { node: { id: 'C1', name: 'Краски', level: 0, parent: null } },
        { node: { id: 'C2', name: 'Двери', level: 0, parent: null } },
      ],
    },
  },
};
const staff = me(1, 0, { staffPermissions: ['MANAGE_PRICES'] });
const floorCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PriceMapFloors');

describe('minimum resale prices', () => {
  it("lists the floors per category and per SKU; a partner reads them, told they bind its resale prices", async () => {
    renderApp({ path: '/prices/floors', answers: { Me: me(1, 0, { admin: true }), ...categories, PriceMapFloors: pagedAnswer('mapFloors', 2, (i) => floors[i]) } });
    const table = await screen.findByRole('table', { name: 'Минимальные цены перепродажи (МРЦ)' });
    const [category, variant] = within(table).getAllByRole('row').slice(1);
    expect(within(category!).getByText('Категория «Краски» с подкатегориями')).toBeTruthy();
    expect(within(category!).getByText('110 % от базовой цены')).toBeTruthy();
    expect(within(variant!).getByText('KR-FAS-0001-0.9L · Фасад-Про 0,9 л')).toBeTruthy();
    expect(within(variant!).getByText('512,40 ₽')).toBeTruthy();
    expect(screen.getByText(/связывают ваши прайс-листы для субдилеров и ваши акции/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Задать минимальную цену' })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Изменить/ })).toBeNull();
  });

  it('filters by category and SKU through the URL', async () => {
    const { api } = renderApp({ path: '/prices/floors', answers: { Me: staff, ...categories, PriceMapFloors: pagedAnswer('mapFloors', 2, (i) => floors[i]) }, showLocation: true });
    await screen.findByRole('table');
    expect(floorCalls(api.calls)[0]?.variables).toEqual({ first: 25, filter: { category: null, search: null } });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('option', { name: 'Двери' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Категория'), 'C2');
    expect(shownSearchParams().get('category')).toBe('C2');
    await user.type(screen.getByRole('searchbox', { name: 'Поиск по артикулу' }), 'KR-FAS');
    await waitFor(() => expect(floorCalls(api.calls).at(-1)?.variables).toEqual({ first: 25, filter: { category: 'C2', search: 'KR-FAS' } }));
  });

  it('says when there are none, and shows an error with a retry', async () => {
    renderApp({ path: '/prices/floors', answers: { Me: staff, ...categories, PriceMapFloors: pagedAnswer('mapFloors', 0, (i) => floors[i]) } });
    expect(await screen.findByText('Минимальных цен нет')).toBeTruthy();
  });

  it('shows an error with a retry when the floors fail to load', async () => {
    renderApp({ path: '/prices/floors', answers: { Me: staff, ...categories, PriceMapFloors: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_ERROR' } }] } } });
    expect(await screen.findByRole('button', { name: /Повторить|Попробовать/ })).toBeTruthy();
  });

  it("sets a category's floor and says how many resale lists fell below it, linking to them", async () => {
    const { api } = renderApp({
      path: '/prices/floors',
      answers: {
        Me: staff,
        ...categories,
        PriceMapFloors: pagedAnswer('mapFloors', 2, (i) => floors[i]),
        MapFloorSet: { mapFloorSet: { floor: floors[0], flaggedLists: [{ id: 'L1' }, { id: 'L2' }], errors: [] } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Задать минимальную цену' }));
    const form = screen.getByRole('form', { name: 'Минимальная цена' });
    await user.click(within(form).getByRole('radio', { name: 'Категория (процент от базовой цены)' }));
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(within(form).getByText('Выберите категорию.')).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('Категория'), 'C2');
    await user.type(within(form).getByLabelText('Процент от базовой цены, %'), '115');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    const alert = await screen.findByText('После изменения 2 прайс-листа перепродажи оказались ниже минимальных цен.');
    expect(alert).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Показать эти прайс-листы' }).getAttribute('href')).toBe('/prices/lists?belowFloor=1');
    expect(api.calls.find((c) => c.operation === 'MapFloorSet')?.variables).toEqual({ input: { category: 'C2', percent: '115' } });
  });

  it('deletes a floor only after the confirmation', async () => {
    const { api } = renderApp({
      path: '/prices/floors',
      answers: {
        Me: staff,
        ...categories,
        PriceMapFloors: pagedAnswer('mapFloors', 2, (i) => floors[i]),
        MapFloorDelete: { mapFloorDelete: { deletedId: 'F2', flaggedLists: [], errors: [] } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить: KR-FAS-0001-0.9L · Фасад-Про 0,9 л' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить минимальную цену?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(api.calls.some((c) => c.operation === 'MapFloorDelete')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Удалить: KR-FAS-0001-0.9L · Фасад-Про 0,9 л' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Удалить' }));
    expect(await screen.findByText('Сохранено. Ни один прайс-лист перепродажи не оказался ниже минимальных цен.')).toBeTruthy();
    expect(api.calls.find((c) => c.operation === 'MapFloorDelete')?.variables).toEqual({ id: 'F2' });
  });
});
