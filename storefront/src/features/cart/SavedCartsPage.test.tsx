import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { cart, reportRow, savedCart } from './cartFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const list = (nodes = [savedCart(), savedCart({ id: 'S2', name: 'Объект на Ленина', shared: true, mine: false, lineCount: 3, owner: { fullName: 'Пётр Орлов' } })]) => ({
  savedCarts: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) },
});

describe('/cart/saved', () => {
  it('lists own and shared carts, loads one replacing the cart, and shows what became of each line', async () => {
    const { api } = renderApp({
      path: '/cart/saved',
      answers: {
        Me: me(1),
        SavedCarts: list(),
        SavedCartToCart: {
          savedCartToCart: {
            cart: cart(),
            errors: [],
            report: [reportRow(), reportRow({ row: 2, sku: 'KR-OLD-0001', status: 'SKIPPED', code: 'NOT_ORDERABLE', quantity: null, variant: null })],
          },
        },
      },
    });
    const user = userEvent.setup();
    const items = await screen.findAllByTestId('saved-cart');
    expect(plain(items[0]!.textContent)).toContain('14 строк · ваша');
    expect(plain(items[1]!.textContent)).toContain('Объект на Ленина Общая');
    expect(plain(items[1]!.textContent)).toContain('3 строки · Пётр Орлов');
    expect(within(items[1]!).queryByRole('button', { name: 'Удалить' })).toBeNull();

    await user.click(within(items[0]!).getByRole('button', { name: 'В корзину' }));
    const dialog = screen.getByRole('dialog', { name: 'Загрузить «Еженедельный заказ» в корзину' });
    await user.click(within(dialog).getByRole('button', { name: 'Заменить корзину' }));
    const loaded = await screen.findByTestId('saved-loaded');
    expect(api.calls.find((call) => call.operation === 'SavedCartToCart')?.variables).toEqual({ id: 'S1', replace: true });
    expect(plain(within(loaded).getByRole('status').textContent)).toBe('Добавлена 1 строка. Пропущена 1 строка.');
    expect(plain(within(loaded).getAllByTestId('line-report-row')[1]!.textContent)).toContain('Этот товар нельзя заказать');
  });

  it('saves the cart under a name (a taken name said at the field), shares, renames and deletes after a confirmation', async () => {
    let created = 0;
    const { api } = renderApp({
      path: '/cart/saved',
      answers: {
        Me: me(1),
        SavedCarts: list([savedCart()]),
        SavedCartCreate: () => {
          created += 1;
          return created === 1
            ? { savedCartCreate: { savedCart: null, errors: [{ field: 'name', code: 'NAME_TAKEN', message: 'x', skus: null, nearestQuantity: null, suggestions: null }] } }
            : { savedCartCreate: { savedCart: savedCart({ id: 'S3', name: 'Склад-2' }), errors: [] } };
        },
        SavedCartUpdate: { savedCartUpdate: { savedCart: savedCart({ shared: true }), errors: [] } },
        SavedCartDelete: { savedCartDelete: { errors: [] } },
      },
    });
    const user = userEvent.setup();
    await screen.findAllByTestId('saved-cart');
    const form = screen.getByRole('form', { name: 'Сохранить текущую корзину' });
    const name = within(form).getByRole('textbox', { name: 'Название' });
    await user.type(name, 'Еженедельный заказ');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('У вас уже есть список с таким названием.')).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Склад-2');
    await user.click(within(form).getByRole('checkbox', { name: 'Видна всей организации' }));
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Корзина сохранена как «Склад-2».')).toBeTruthy();
    expect(api.calls.filter((call) => call.operation === 'SavedCartCreate')[1]?.variables).toEqual({ input: { name: 'Склад-2', shared: true } });

    const item = screen.getAllByTestId('saved-cart')[0]!;
    await user.click(within(item).getByRole('checkbox', { name: 'Видна всей организации' }));
    await waitFor(() =>
      expect(api.calls.find((call) => call.operation === 'SavedCartUpdate')?.variables).toEqual({ id: 'S1', input: { name: 'Еженедельный заказ', shared: true } }),
    );

    await user.click(within(item).getByRole('button', { name: 'Переименовать' }));
    const rename = screen.getByRole('dialog', { name: 'Переименовать корзину' });
    const field = within(rename).getByRole('textbox', { name: 'Название' });
    await user.clear(field);
    await user.type(field, 'По понедельникам');
    await user.click(within(rename).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.filter((call) => call.operation === 'SavedCartUpdate')[1]?.variables).toEqual({ id: 'S1', input: { name: 'По понедельникам', shared: false } });

    await user.click(within(item).getByRole('button', { name: 'Удалить' }));
    const confirm = screen.getByRole('dialog', { name: 'Удалить «Еженедельный заказ»?' });
    expect(api.calls.some((call) => call.operation === 'SavedCartDelete')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(api.calls.find((call) => call.operation === 'SavedCartDelete')?.variables).toEqual({ id: 'S1' }));
  });
});
