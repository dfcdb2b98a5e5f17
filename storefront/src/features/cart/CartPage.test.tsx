import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me, variantPrice } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { cart, cartLine } from './cartFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const problemLine = cartLine({
  id: 'L2',
  sku: 'KR-GRU-0100-5',
  name: 'Грунт глубокого проникновения 5 л',
  quantity: '7.000',
  rules: { minimum: '4.000', step: '4.000', packSize: '4.000', unit: 'PCS' },
  price: variantPrice({ net: '300.00', gross: '360.00', listNet: '350.00', listGross: '420.00', minQuantity: '4.000', promotions: [{ id: 'PR1', name: 'Осенняя распродажа', kind: 'PERCENT' } as never] }),
  availability: { inStock: false, nextIncomingDate: '2026-12-10', available: { exact: null, band: 'NONE', inStock: false } },
  problem: { field: 'quantity', code: 'NOT_MULTIPLE', message: 'Order in multiples of 4.', skus: null, nearestQuantity: '8', suggestions: null },
});

describe('/cart', () => {
  it('shows each line’s quantity, price with the tier and the promotion, availability, and fixes a line in one tap', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: {
        Me: me(1),
        CartPage: { cart: cart([cartLine(), problemLine]) },
        CartLineUpdate: { cartLineUpdate: { cart: cart([cartLine(), { ...problemLine, quantity: '8.000', problem: null }]), errors: [] } },
      },
    });
    const user = userEvent.setup();
    const lines = await screen.findAllByTestId('cart-line');
    expect(lines).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Корзина · 2 строки');
    const [first, second] = lines;
    expect((within(first!).getByRole('textbox', { name: 'Количество, KR-FAS-0003-10' }) as HTMLInputElement).value).toBe('20');
    expect(plain(within(first!).getByTestId('cart-line-availability').textContent)).toBe('В наличии: 140 шт.');
    expect(plain(within(second!).getByTestId('cart-line-price').textContent)).toBe(
      '420,00 ₽360,00 ₽ / шт.цена от 4 шт.Осенняя распродажа9 900,00 ₽Удалить',
    );
    expect(within(second!).getByText('420,00 ₽').tagName).toBe('S');
    expect(plain(within(second!).getByTestId('cart-line-availability').textContent)).toBe('Под заказ, ожидается 10.12.2026');
    const problem = within(second!).getByTestId('cart-line-problem');
    expect(plain(problem.textContent)).toContain('Количество должно быть кратно шагу заказа.');

    await user.click(within(problem).getByRole('button', { name: 'Исправить на 8 шт.' }));
    await waitFor(() => expect(api.calls.find((call) => call.operation === 'CartLineUpdate')?.variables).toEqual({ id: 'L2', quantity: '8' }));
  });

  it('sends a typed quantity once it is valid and committed, not while it breaks the rules', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: {
        Me: me(1),
        CartPage: { cart: cart() },
        CartLineUpdate: { cartLineUpdate: { cart: cart([cartLine({ quantity: '30.000' })]), errors: [] } },
      },
    });
    const user = userEvent.setup();
    const input = (await screen.findByRole('textbox', { name: 'Количество, KR-FAS-0003-10' })) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, '25{Enter}');
    expect(api.calls.filter((call) => call.operation === 'CartLineUpdate')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Взять 30 шт.' }));
    await waitFor(() => expect(api.calls.find((call) => call.operation === 'CartLineUpdate')?.variables).toEqual({ id: 'L1', quantity: '30' }));
  });

  it('totals net, VAT and gross, hints the next volume step, leaves the checkout its slot, and clears after a confirmation', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: { Me: me(1), CartPage: { cart: cart() }, CartClear: { cartClear: { cart: cart([]), errors: [] } } },
    });
    const user = userEvent.setup();
    const summary = await screen.findByTestId('cart-summary');
    expect(plain(within(summary).getByTestId('cart-total-net').textContent)).toBe('8 250,00 ₽');
    expect(plain(within(summary).getByTestId('cart-total-gross').textContent)).toBe('9 900,00 ₽');
    expect(plain(within(summary).getByTestId('cart-next-step').textContent)).toBe(
      'Добавьте товаров ещё на 1 750,00 ₽ без НДС — скидка за объём станет 3 %.',
    );
    const actions = within(summary).getByTestId('cart-actions');
    expect(within(actions).getByRole('link', { name: 'Оформить заказ' }).getAttribute('href')).toBe('/checkout');

    await user.click(within(summary).getByRole('button', { name: 'Очистить корзину' }));
    const dialog = screen.getByRole('dialog', { name: 'Очистить корзину?' });
    expect(plain(dialog.textContent)).toContain('Из корзины будет удалена 1 строка.');
    await user.click(within(dialog).getByRole('button', { name: 'Очистить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.some((call) => call.operation === 'CartClear')).toBe(true);
  });

  it('says an empty cart is empty, with the way to the catalog and the quick-order pad', async () => {
    renderApp({ path: '/cart', answers: { Me: me(1), CartPage: { cart: cart([]) } }, language: 'en' });
    expect(await screen.findByText('The cart is empty', { selector: '.ui-empty__title' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the catalog' })).toBeTruthy();
    expect(screen.getByTestId('quick-order')).toBeTruthy();
  });

  it('removes a line', async () => {
    const { api } = renderApp({
      path: '/cart',
      answers: { Me: me(1), CartPage: { cart: cart() }, CartLinesRemove: { cartLinesRemove: { cart: cart([]), errors: [] } } },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Удалить KR-FAS-0003-10 из корзины' }));
    await waitFor(() => expect(api.calls.find((call) => call.operation === 'CartLinesRemove')?.variables).toEqual({ ids: ['L1'] }));
  });
});

describe('/cart, an empty one filled from the pad', () => {
  it('keeps the pad’s report when its lines turn the empty cart into a cart with lines', async () => {
    let lines = 0;
    renderApp({
      path: '/cart',
      answers: {
        Me: me(1),
        CartPage: () => ({ cart: lines ? cart() : cart([]) }),
        QuickOrderAdd: () => {
          lines = 1;
          return { quickOrderAdd: { cart: cart(), addedCount: 1, skippedCount: 0, errors: [], report: [{ row: 1, sheet: null, sku: 'KR-FAS-0003-10', quantityText: '20', status: 'ADDED', quantity: '20.000', code: null, message: null, suggestions: [], nearestQuantity: null, variant: { id: 'PV3', unit: 'PCS' } }] } };
        },
      },
    });
    const user = userEvent.setup();
    const pad = await screen.findByTestId('quick-order');
    await user.type(within(pad).getByRole('textbox', { name: 'Строки заказа' }), 'KR-FAS-0003-10 20');
    await user.click(within(pad).getByRole('button', { name: 'Добавить в корзину' }));
    await screen.findByTestId('cart-line');
    expect(plain(within(screen.getByTestId('quick-order')).getByTestId('line-report').textContent)).toContain('Добавлена 1 строка.');
  });
});

describe('/cart in English', () => {
  it('counts lines with English plurals and money in the English way', async () => {
    renderApp({ path: '/cart', answers: { Me: me(1), CartPage: { cart: cart([cartLine(), cartLine({ id: 'L9', sku: 'KR-INT-0001-5L' })]) } }, language: 'en' });
    await screen.findAllByTestId('cart-line');
    expect(plain(screen.getByRole('heading', { level: 1 }).textContent)).toBe('Cart · 2 lines');
    expect(plain(screen.getByTestId('cart-total-gross').textContent)).toBe('RUB 9,900.00');
  });
});
