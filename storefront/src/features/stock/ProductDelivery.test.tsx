import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { countries, me, productDetail } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';
import ProductPage from '../catalog/ProductPage';
import { twoShipments } from './shipmentFixtures';
import { stockedProduct } from './stockFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const LOADED = { timeout: 5000 };
const previewCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'DeliveryPreview');


const answers = (preview: unknown = { allocationPreview: twoShipments() }) => ({
  Me: me(1),
  ProductDetail: stockedProduct(),
  Countries: countries,
  DeliveryPreview: preview,
});

describe('the product page’s delivery calculator', () => {
  it('calculates the delivery of the quantities to another region in one shipment and shows the shipments', async () => {
    const { api } = renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: answers() });
    const user = userEvent.setup();
    const calculator = await screen.findByTestId('product-delivery', {}, LOADED);
    const quantity = within(calculator).getByLabelText(/KR-FAS-0001-0\.9L/) as HTMLInputElement;
    expect(quantity.value).toBe('12');
    await user.clear(quantity);
    await user.type(quantity, '60');
    await waitFor(() => expect(within(calculator).getAllByRole('option', { name: 'Москва' })).toHaveLength(1));
    await user.selectOptions(within(calculator).getByLabelText('Регион доставки'), 'Москва');
    await user.click(within(calculator).getByRole('checkbox', { name: 'Одной отгрузкой' }));
    await user.click(within(calculator).getByRole('button', { name: 'Рассчитать' }));

    expect(await within(calculator).findAllByTestId('shipment')).toHaveLength(2);
    expect(previewCalls(api.calls).at(-1)?.variables).toEqual({
      lines: [{ variant: 'PV1', quantity: '60' }],
      oneShipment: true,
      address: { region: 'Москва' },
    });
    expect(plain(within(calculator).getByTestId('shipment-totals').textContent)).toBe('Доставка всего12 400,00 ₽Всё придёт18.12.2026');
  });

  it('asks for pickup at a warehouse that allows it, to the organization’s region by default, and explains failures', async () => {
    const { api } = renderApp({
      path: '/product/kraska-fasadnaia-fasad-pro',
      answers: answers({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_ERROR' } }] }),
    });
    const user = userEvent.setup();
    const calculator = await screen.findByTestId('product-delivery', {}, LOADED);
    const how = within(calculator).getByLabelText('Способ получения');
    // Only the Moscow warehouse allows pickup.
    expect(within(how).getAllByRole('option').map((o) => o.textContent)).toEqual(['Доставка', 'Самовывоз: Склад Москва, Москва']);

    const quantity = within(calculator).getByLabelText(/KR-FAS-0001-0\.9L/);
    await user.clear(quantity);
    await user.click(within(calculator).getByRole('button', { name: 'Рассчитать' }));
    expect(within(calculator).getByRole('alert').textContent).toBe('Укажите количество хотя бы одного варианта.');
    expect(previewCalls(api.calls)).toHaveLength(0);

    await user.type(quantity, '12');
    await user.click(within(calculator).getByRole('button', { name: 'Рассчитать' }));
    await waitFor(() => expect(previewCalls(api.calls)).toHaveLength(1));
    expect(previewCalls(api.calls)[0]?.variables).toEqual({ lines: [{ variant: 'PV1', quantity: '12' }], oneShipment: false });
    expect(await within(calculator).findByText('Не удалось загрузить данные')).toBeTruthy();

    await user.selectOptions(how, 'W1');
    expect(within(calculator).queryByLabelText('Регион доставки')).toBeNull();
    await user.click(within(calculator).getByRole('button', { name: 'Рассчитать' }));
    await waitFor(() => expect(previewCalls(api.calls).at(-1)?.variables).toEqual({
      lines: [{ variant: 'PV1', quantity: '12' }],
      oneShipment: false,
      pickupWarehouse: 'W1',
    }));
  });

  it('is not there for a visitor who is not signed in', async () => {
    renderApp({ path: '/product/x', signedIn: false, answers: answers(), element: <ProductPage /> });
    await screen.findByRole('heading', { level: 1, name: productDetail.product!.name }, LOADED);
    expect(screen.queryByTestId('product-delivery')).toBeNull();
  });
});
