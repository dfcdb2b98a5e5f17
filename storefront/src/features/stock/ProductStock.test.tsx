import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { countries, me, productDetail } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import ProductPage from '../catalog/ProductPage';
import { stockedProduct } from './stockFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const LOADED = { timeout: 5000 };


const answers = () => ({ Me: me(1), ProductDetail: stockedProduct(), Countries: countries });

describe('stock on the product page', () => {
  it('shows the chosen variant’s stock per warehouse: city, available, incoming with the date', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: answers() });
    const table = await screen.findByRole('table', { name: 'Наличие KR-FAS-0001-0.9L по складам' }, LOADED);
    const rows = within(table).getAllByRole('row').map((row) => plain(row.textContent));
    expect(rows).toEqual([
      'СкладГородДоступноОжидается',
      'Склад МоскваМосква140 шт.—',
      'Склад КраснодарКраснодар, Краснодарский краймало24 шт. ожидается 10.12.2026',
    ]);
    expect(plain(screen.getByTestId('product-stock').querySelector('p')?.textContent)).toBe('KR-FAS-0001-0.9L: В наличии: больше 100');
  });

  it('shows no stock and no calculator to a visitor who is not signed in', async () => {
    const { api } = renderApp({ path: '/product/x', signedIn: false, answers: answers(), element: <ProductPage /> });
    await screen.findByRole('heading', { level: 1, name: productDetail.product!.name }, LOADED);
    expect(screen.queryByTestId('product-stock')).toBeNull();
    expect(screen.queryByTestId('product-delivery')).toBeNull();
    expect(screen.queryByText(/наличи|доставк/i)).toBeNull();
    expect(api.calls.map((call) => call.operation)).not.toContain('Countries');
  });
});
