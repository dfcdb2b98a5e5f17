import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { countries, me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { twoShipments } from '../stock/shipmentFixtures';
import { checkoutCart, orderClients, pickupWarehouses, placedOrder, refused } from './checkoutFixtures';
import { resetOrderClient } from './orderBuyer';

const LOADED = { timeout: 10000 };
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const placeCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'OrderPlace');
const placeInput = (call: ApiCall | undefined) => (call?.variables as { input: Record<string, unknown> }).input;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function answers(extra: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    Me: me(1),
    CheckoutCart: checkoutCart(),
    CheckoutPreview: { cart: { id: 'C1', shipmentPreview: twoShipments() } },
    Countries: countries,
    PickupWarehouses: pickupWarehouses,
    OrderClients: { orderClients: [] },
    OrderPlace: placedOrder(),
    ...extra,
  };
}

async function placeButton() {
  return screen.findByRole('button', { name: 'Оформить заказ' }, LOADED);
}

afterEach(() => {
  cleanup();
  resetOrderClient();
});

describe('the checkout', () => {
  it('shows the lines, the shipments to the buyer’s region, the totals and the order types', async () => {
    const { api } = renderApp({ path: '/checkout', answers: answers() });
    await placeButton();
    expect(within(screen.getByTestId('checkout-lines')).getAllByRole('listitem')).toHaveLength(2);
    expect(await screen.findAllByTestId('shipment')).toHaveLength(2);
    expect(plain(screen.getByTestId('checkout-totals').textContent)).toBe(
      'Сумма без НДС30 750,00 ₽НДС6 150,00 ₽Сумма с НДС36 900,00 ₽Доставка12 400,00 ₽',
    );
    // The buyer's region is the default destination, sent as the address.
    expect((screen.getByLabelText('Регион доставки') as HTMLSelectElement).value).toBe('Москва');
    // A product of the cart allows pre-orders: the order type is offered.
    expect(within(screen.getByLabelText('Тип заказа')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Обычный', 'Предзаказ']);
    // The preview is the cart's own lines: only the destination is sent.
    expect(api.calls.filter((c) => c.operation === 'CheckoutPreview').at(-1)?.variables).toEqual({
      oneShipment: false,
    });
  });

  it('places a pickup order with a key, the price token, the reference and the comment', async () => {
    const { api } = renderApp({ path: '/checkout', answers: answers() });
    const user = userEvent.setup();
    await placeButton();
    await user.click(screen.getByRole('button', { name: 'Самовывоз' }));
    await user.selectOptions(await screen.findByLabelText('Склад самовывоза'), 'W1');
    await user.type(screen.getByLabelText('Ваш номер заказа'), 'ЗК-17');
    await user.type(screen.getByLabelText('Комментарий'), 'Позвонить за час');
    await user.click(screen.getByRole('button', { name: 'Оформить заказ' }));

    expect(await screen.findByRole('heading', { name: 'Заказ 26-00042 оформлен' })).toBeTruthy();
    expect(screen.getByTestId('order-placed-status').textContent).toBe('Отправлен поставщику: Завод «Краски России»');
    expect(screen.getByRole('link', { name: 'Открыть заказ' }).getAttribute('href')).toBe('/orders/ORD1');
    expect(screen.getByRole('link', { name: 'Вернуться в каталог' }).getAttribute('href')).toBe('/catalog');
    const input = placeInput(placeCalls(api.calls)[0]);
    expect(input).toEqual({
      idempotencyKey: expect.stringMatching(UUID),
      priceToken: 'token-1',
      orderType: 'REGULAR',
      deliveryMethod: 'PICKUP',
      pickupWarehouse: 'W1',
      oneShipment: false,
      comment: 'Позвонить за час',
      buyerReference: 'ЗК-17',
    });
    expect(api.calls.filter((c) => c.operation === 'CheckoutPreview').at(-1)?.variables).toEqual({
      oneShipment: false,
      pickupWarehouse: 'W1',
    });
  });

  it('keeps the idempotency key when the answer is lost and for a double tap, and says where an order waits', async () => {
    let attempt = 0;
    const { api } = renderApp({
      path: '/checkout',
      answers: answers({
        OrderPlace: () => {
          attempt += 1;
          if (attempt === 1) return new Response('Bad gateway', { status: 502 });
          return placedOrder({ status: 'AWAITING_APPROVAL', approvers: [{ fullName: 'Анна Смирнова' }, { fullName: 'Олег Петров' }] });
        },
      }),
    });
    const user = userEvent.setup();
    const button = await placeButton();
    await user.click(button);
    expect(await screen.findByTestId('place-errors')).toBeTruthy();
    // The form is as it was: nothing lost.
    expect(screen.getByTestId('checkout-lines')).toBeTruthy();

    await user.dblClick(screen.getByRole('button', { name: 'Оформить заказ' }));
    expect(await screen.findByTestId('order-placed')).toBeTruthy();
    expect(screen.getByTestId('order-placed-status').textContent).toBe('Ждёт согласования: Анна Смирнова, Олег Петров');
    const keys = placeCalls(api.calls).map((call) => placeInput(call).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
  });

  it('lists the changed prices and places at the new ones with the cart’s new token and the same key', async () => {
    let cartAsked = 0;
    const changes = [{ sku: 'KR-FAS-0001-0.9L', name: 'Краска фасадная', before: '412.50', after: '430.00' }];
    const { api } = renderApp({
      path: '/checkout',
      answers: answers({
        CheckoutCart: () => checkoutCart({ priceToken: `token-${(cartAsked += 1) > 1 ? 2 : 1}` }),
        OrderPlace: (call: ApiCall) =>
          placeInput(call).priceToken === 'token-1' ? refused('PRICES_CHANGED', 'prices changed', { priceChanges: changes }) : placedOrder(),
      }),
    });
    const user = userEvent.setup();
    await user.click(await placeButton());
    const dialog = await screen.findByRole('dialog', { name: 'Цены изменились' });
    expect(plain(within(dialog).getByTestId('price-changes').textContent)).toBe('KR-FAS-0001-0.9L Краска фасаднаяЦена 412,50 ₽ → 430,00 ₽'.replace('Цена ', ''));
    await user.click(within(dialog).getByRole('button', { name: 'Оформить по новым ценам' }));
    expect(await screen.findByTestId('order-placed', {}, LOADED)).toBeTruthy();
    const inputs = placeCalls(api.calls).map(placeInput);
    expect(inputs.map((input) => input.priceToken)).toEqual(['token-1', 'token-2']);
    expect(inputs[1]?.idempotencyKey).toBe(inputs[0]?.idempotencyKey);
  });

  it('goes back to the cart from the price dialog, and says any other refusal in the language of the interface', async () => {
    const { api } = renderApp({
      path: '/checkout',
      showLocation: true,
      answers: answers({ OrderPlace: refused('PRICES_CHANGED', '', { priceChanges: [{ sku: 'A', name: 'a', before: '1.00', after: null }] }) }),
    });
    const user = userEvent.setup();
    await user.click(await placeButton());
    const dialog = await screen.findByRole('dialog');
    expect(plain(within(dialog).getByTestId('price-changes').textContent)).toContain('1,00 ₽ → нет цены');
    await user.click(within(dialog).getByRole('button', { name: 'Вернуться в корзину' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/cart'));
    expect(placeCalls(api.calls)).toHaveLength(1);
  });

  it.each([
    ['ru', 'NOT_ENOUGH_STOCK', 'Оформить заказ', /^Недостаточно остатка/],
    ['en', 'CART_CHANGED', 'Place order', /^The cart was changed or placed meanwhile/],
    ['en', 'CREDIT_REFUSED', 'Place order', /^The order was refused by the credit check\. over by 5 000$/],
  ] as const)('in %s explains %s', async (language, code, place, text) => {
    renderApp({ path: '/checkout', language, answers: answers({ OrderPlace: refused(code, 'over by 5 000') }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: place }, LOADED));
    const errors = await screen.findByTestId('place-errors');
    expect(errors.querySelector(`[data-code="${code}"]`)?.textContent).toMatch(text);
    expect(screen.getByTestId('checkout-lines')).toBeTruthy();
  });

  it('orders for a client named in the address: the cart and the order are the client’s, and the banner leads back', async () => {
    const { api } = renderApp({
      path: '/checkout?for=O5',
      showLocation: true,
      answers: answers({
        CheckoutCart: (call: ApiCall) =>
          checkoutCart(call.variables.buyer === 'O5' ? { buyer: { id: 'O5', name: 'Подмосковный строитель', region: 'Московская область', parent: { id: 'O2', name: 'Столичный дом красок' } } } : {}),
        OrderPlace: placedOrder({ onBehalf: true, buyer: { id: 'O5', name: 'Подмосковный строитель' }, seller: { id: 'O2', name: 'Столичный дом красок' } }),
        OrderClients: orderClients,
      }),
    });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('ordering-for').textContent).toContain('Заказ для клиента: Подмосковный строитель'), LOADED);
    await user.click(await placeButton());
    expect(await screen.findByText('Для клиента: Подмосковный строитель')).toBeTruthy();
    expect(placeInput(placeCalls(api.calls)[0])).toMatchObject({ buyer: 'O5', address: { region: 'Московская область', city: null, address: null } });
    expect(api.calls.filter((c) => c.operation === 'CheckoutCart').every((c) => c.variables.buyer === 'O5')).toBe(true);
    // The shipments are the client's: its cart's preview, asked for the client.
    expect(api.calls.filter((c) => c.operation === 'CheckoutPreview').at(-1)?.variables).toMatchObject({ buyer: 'O5' });
  });

  it('lets those who may order for a client choose one, and go back to their own organization', async () => {
    const { api } = renderApp({
      path: '/checkout',
      showLocation: true,
      answers: answers({
        OrderClients: orderClients,
        CheckoutCart: (call: ApiCall) => checkoutCart(call.variables.buyer ? { buyer: { id: 'O6', name: 'Тульский ремонт', region: 'Тульская область', parent: null } } : {}),
      }),
    });
    const user = userEvent.setup();
    await placeButton();
    await user.click(await screen.findByRole('button', { name: 'Заказ для клиента' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Для какого клиента заказ' });
    await user.type(within(dialog).getByLabelText('Название или ИНН'), 'Туль');
    await waitFor(() => expect(api.calls.some((c) => c.operation === 'OrderClients' && c.variables.search === 'Туль')).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: /Тульский ремонт/ }));
    expect((await screen.findByTestId('ordering-for')).textContent).toContain('Тульский ремонт');
    expect(screen.getByTestId('location').textContent).toBe('/checkout?for=O6');
    await waitFor(() => expect(api.calls.some((c) => c.operation === 'CheckoutCart' && c.variables.buyer === 'O6')).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Заказывать для своей организации' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/checkout'));
    expect(screen.queryByTestId('ordering-for')).toBeNull();
  });

  it('says when the cart is empty', async () => {
    renderApp({ path: '/checkout', answers: answers({ CheckoutCart: checkoutCart({ lines: [], lineCount: 0 }) }) });
    expect(await screen.findByText('Корзина пуста', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Оформить заказ' })).toBeNull();
  });
});
