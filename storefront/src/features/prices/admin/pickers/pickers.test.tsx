import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../../test/render';
import { PriceListPicker, type PickedPriceList } from './PriceListPicker';
import { VariantPicker } from './VariantPicker';

const products = {
  products: {
    edges: [
      {
        node: {
          id: 'P1',
          name: 'Дверь Модена',
          variants: [
            { id: 'V1', sku: 'DOOR-MOD-70', name: '700 мм' },
            { id: 'V2', sku: 'DOOR-MOD-80', name: '800 мм' },
          ],
        },
      },
      { node: { id: 'P2', name: 'Ручка', variants: [{ id: 'V3', sku: 'HANDLE-1', name: 'Ручка' }] } },
    ],
  },
};

describe('VariantPicker', () => {
  it("offers the found products' variants, the matching ones of a SKU search, and hands the picked one over", async () => {
    const onPick = vi.fn();
    const { api } = renderApp({ path: '/', answers: { PriceVariantSearch: products }, element: <VariantPicker label="Товар" onPick={onPick} exclude={['V2']} /> });
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Товар' });
    await user.type(box, 'mod');
    const options = await screen.findAllByRole('option');
    // V2 is excluded; of "Ручка" every variant shows (none matches "mod", the search matched the product).
    expect(options.map((o) => o.textContent)).toEqual(['DOOR-MOD-70Дверь Модена · 700 мм', 'HANDLE-1Ручка']);
    expect(api.calls.find((c) => c.operation === 'PriceVariantSearch')?.variables).toEqual({ search: 'mod' });
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith({ id: 'V1', sku: 'DOOR-MOD-70', name: '700 мм', productName: 'Дверь Модена' });
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('asks nothing for one character and says when nothing is found', async () => {
    const { api } = renderApp({
      path: '/',
      answers: { PriceVariantSearch: { products: { edges: [] } } },
      element: <VariantPicker label="Товар" onPick={() => {}} />,
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Товар' }), 'x');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.some((c) => c.operation === 'PriceVariantSearch')).toBe(false);
    await user.type(screen.getByRole('combobox', { name: 'Товар' }), 'yz');
    expect(await screen.findByText('Ничего не найдено')).toBeTruthy();
  });
});

function ListHost({ initial = null }: { initial?: PickedPriceList | null }) {
  const [value, setValue] = useState<PickedPriceList | null>(initial);
  return (
    <>
      <PriceListPicker label="Запасной прайс-лист" value={value} onChange={setValue} exclude={['L1']} error="Запасные прайс-листы ссылаются друг на друга по кругу." />
      <output data-testid="picked">{value ? value.id : 'none'}</output>
    </>
  );
}

describe('PriceListPicker', () => {
  it('finds lists by name, leaves out the excluded, picks one by click and clears it', async () => {
    const lists = {
      priceLists: {
        edges: [
          { node: { id: 'L1', name: 'Розница', currency: 'RUB' } },
          { node: { id: 'L2', name: 'Розница СПб', currency: 'RUB' } },
        ],
      },
    };
    const { api } = renderApp({ path: '/', answers: { PriceListSearch: lists }, element: <ListHost /> });
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Запасной прайс-лист' }), 'Розн');
    const option = await screen.findByRole('option', { name: /Розница СПб/ });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(api.calls.find((c) => c.operation === 'PriceListSearch')?.variables).toEqual({ search: 'Розн' });
    await user.click(option);
    expect(screen.getByTestId('picked').textContent).toBe('L2');
    expect(screen.getByText('Запасные прайс-листы ссылаются друг на друга по кругу.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Выбрать другой прайс-лист вместо «Розница СПб»' }));
    expect(screen.getByTestId('picked').textContent).toBe('none');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Запасной прайс-лист' })).toBeTruthy());
  });
});
