import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CatalogProductsQuery } from '../../gql/graphql';
import { categories, facets, me, products } from '../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../test/render';
import CatalogPage from '../catalog/CatalogPage';
import { band, exact, warehouseStock } from './stockFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const productCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'CatalogProducts');

/**
 * The first product in stock (its 10 l can in Moscow and, a few, in Krasnodar with more coming;
 * its 20 l can only expected), the second one only expected.
 */
function stocked(): CatalogProductsQuery {
  const answer = products();
  const [first, second] = answer.products.edges.map((edge) => edge!.node!);
  first!.availability = { inStock: true, nextIncomingDate: '2026-12-10', available: band('OVER_100') };
  first!.variants[0]!.availability = { inStock: true, nextIncomingDate: '2026-12-10', available: band('OVER_100') };
  first!.variants[0]!.stock = [
    warehouseStock('W1', 'Склад Москва', 'Москва', exact('140.000')),
    warehouseStock('W2', 'Склад Краснодар', 'Краснодар', band('FEW'), [{ quantity: exact('24.000'), expectedDate: '2026-12-10' }]),
  ];
  first!.variants[1]!.availability = { inStock: false, nextIncomingDate: '2026-12-20', available: band('NONE') };
  first!.variants[1]!.stock = [
    warehouseStock('W2', 'Склад Краснодар', 'Краснодар', band('NONE'), [{ quantity: band('OVER_50'), expectedDate: '2026-12-20' }]),
  ];
  second!.availability = { inStock: false, nextIncomingDate: '2026-12-20', available: band('NONE') };
  return answer;
}

const answers = (productsAnswer: unknown = stocked()) => ({
  Me: me(1),
  CatalogCategories: categories,
  CatalogFacets: facets,
  CatalogProducts: productsAnswer,
});

describe('stock in the catalog', () => {
  it('says each row’s availability in one line, and the warehouses per variant on demand', async () => {
    renderApp({ path: '/catalog', answers: answers() });
    const table = await screen.findByRole('table', { name: 'Товары' });
    const [first, second] = within(table).getAllByTestId('availability');
    expect(plain(first?.firstElementChild?.textContent)).toBe('В наличии: больше 100');
    expect(plain(second?.firstElementChild?.textContent)).toBe('Под заказ, ожидается 20.12.2026');
    expect(within(second!).queryByRole('button')).toBeNull();
    expect(within(first!).queryByTestId('availability-details')).toBeNull();

    const toggle = within(first!).getByRole('button', { name: 'В наличии: по складам' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = within(first!).getByTestId('availability-details');
    expect(plain(details.textContent)).toBe(
      [
        'KR-FAS-0000-10L В наличии: больше 100',
        'Склад Москва · Москва140 шт.',
        'Склад Краснодар · Краснодармало24 шт. ожидается 10.12.2026',
        'KR-FAS-0000-20L Под заказ, ожидается 20.12.2026',
        'Склад Краснодар · Краснодарнетбольше 50 ожидается 20.12.2026',
      ].join(''),
    );
  });

  it('says «Нет в наличии» for what nobody holds or expects, in English too', async () => {
    const answer = stocked();
    answer.products.edges[1]!.node!.availability = { inStock: false, nextIncomingDate: null, available: band('NONE') };
    renderApp({ path: '/catalog?view=grid', answers: answers(answer), language: 'en' });
    const lines = await screen.findAllByTestId('availability');
    expect(lines.map((line) => plain(line.firstElementChild?.textContent))).toEqual(['In stock: more than 100', 'Out of stock']);
    expect(lines[0]?.closest('.product-card')).toBeTruthy();
  });

  it('filters by «В наличии в моей сети», kept in the address as inStock=1 and shown as a chip', async () => {
    const { api } = renderApp({ path: '/catalog', answers: answers(), showLocation: true });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Товары' });
    expect(productCalls(api.calls).at(-1)?.variables.filter).not.toHaveProperty('inStockInMyNetwork');

    await user.click(screen.getByRole('checkbox', { name: 'В наличии в моей сети' }));
    await waitFor(() => expect(productCalls(api.calls).at(-1)?.variables.filter).toMatchObject({ inStockInMyNetwork: true }));
    expect(shownSearchParams().get('inStock')).toBe('1');
    const facetsFilter = api.calls.filter((c) => c.operation === 'CatalogFacets').at(-1)?.variables.filter;
    expect(facetsFilter).toMatchObject({ inStockInMyNetwork: true });
    expect(screen.getByRole('button', { name: 'Категории и фильтры (1)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Убрать фильтр «В наличии в моей сети»' }));
    await waitFor(() => expect(shownSearchParams().get('inStock')).toBeNull());
    expect((screen.getByRole('checkbox', { name: 'В наличии в моей сети' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows a visitor who is not signed in no stock at all, and sends no stock filter from a shared link', async () => {
    // The app asks such a visitor to sign in; the catalog page itself must show no stock either.
    const { api } = renderApp({ path: '/catalog?inStock=1', signedIn: false, answers: answers(), element: <CatalogPage /> });
    const table = await screen.findByRole('table', { name: 'Товары' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByTestId('availability')).toBeNull();
    expect(screen.queryByText(/наличи/i)).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'В наличии в моей сети' })).toBeNull();
    expect(productCalls(api.calls).at(-1)?.variables.filter).not.toHaveProperty('inStockInMyNetwork');
  });
});
