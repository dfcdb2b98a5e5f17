import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogProductsQuery, MeQuery } from '../../gql/graphql';
import { categories, facets, me, priceRange, products, variantPrice } from '../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../test/render';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const answers = (productsAnswer: unknown = products(), meAnswer: MeQuery = me(1)) => ({
  Me: meAnswer,
  CatalogCategories: categories,
  CatalogFacets: facets,
  CatalogProducts: productsAnswer,
});
const productCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'CatalogProducts');
/** A row's price column (wide screens); phones read the same price under the name. */
const priceCell = (row: HTMLElement) => row.querySelector<HTMLElement>('td.product-table__price') as HTMLElement;
const priceCells = (table: HTMLElement) => [...table.querySelectorAll<HTMLElement>('tbody td.product-table__price')];

const dealerMe = me(1).me as NonNullable<MeQuery['me']>;
/** Staff of the portal: signed in, a member of no partner organization, so no prices. */
const staffMe: MeQuery = { me: { ...dealerMe, memberships: [], activeOrganization: null, role: null } };
/** The manufacturer's own user: it buys from nobody, so the API prices nothing for it. */
const factory = { id: 'O1', name: 'Завод «Палитра»', kind: 'MANUFACTURER' as const, currency: 'RUB' };
const factoryMe: MeQuery = {
  me: { ...dealerMe, memberships: [{ ...dealerMe.memberships[0]!, organization: factory }], activeOrganization: factory },
};

/** The same products as the API answers a viewer it has no prices for. */
function unpriced(): CatalogProductsQuery {
  const answer = products();
  for (const edge of answer.products.edges) {
    if (!edge?.node) continue;
    edge.node.priceRange = null;
    for (const variant of edge.node.variants) variant.price = null;
  }
  return answer;
}

function onPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 900px)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('prices in the catalog list', () => {
  it("shows each row's price for a partner, «от» when the variants differ, with the promotion", async () => {
    const answer = products();
    const first = answer.products.edges[0]?.node;
    if (!first) throw new Error('fixture');
    first.priceRange = priceRange({ minGross: '445.50', hasPromotion: true });
    first.variants[1]!.price = variantPrice({
      gross: '445.50',
      promotions: [{ id: 'P1', name: 'Весна', kind: 'PERCENT', value: '10', validUntil: null }],
    });
    renderApp({ path: '/catalog', answers: answers(answer) });

    const table = await screen.findByRole('table', { name: 'Товары' });
    expect(within(table).getByRole('columnheader', { name: /Цена/ })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(plain(within(priceCell(rows[0]!)).getByTestId('price-amount').textContent)).toBe('от 445,50 ₽');
    expect(within(priceCell(rows[0]!)).getByText('Акция: Весна')).toBeTruthy();
    expect(plain(within(priceCell(rows[1]!)).getByTestId('price-amount').textContent)).toBe('495,00 ₽');
    // The phone's line under the name: the price, VAT, the minimum order and the badge in one.
    expect(plain(within(rows[0]!).getByTestId('product-price-compact').textContent)).toBe(
      'от 445,50 ₽Цена без скидки: 495,00 ₽с НДС · заказ от 1 шт.Акция: Весна',
    );
  });

  it('sorts by price from the sort menu and from the column header', async () => {
    const { api } = renderApp({ path: '/catalog', answers: answers(), showLocation: true });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Товары' });

    await user.selectOptions(screen.getByLabelText('Сортировка'), 'Сначала дешёвые');
    await waitFor(() => expect(productCalls(api.calls).at(-1)?.variables.sortBy).toEqual({ field: 'PRICE', direction: 'ASC' }));
    expect(shownSearchParams().get('sort')).toBe('price');
    const header = screen.getByRole('columnheader', { name: /Цена/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(productCalls(api.calls).at(-1)?.variables.sortBy).toEqual({ field: 'PRICE', direction: 'DESC' }));
    expect(shownSearchParams().get('sort')).toBe('-price');
  });

  it('filters by a price range, shown as a removable chip', async () => {
    const { api } = renderApp({ path: '/catalog', answers: answers(), showLocation: true });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Товары' });

    await user.type(screen.getByLabelText('Цена от'), '400');
    await user.type(screen.getByLabelText('Цена до'), '1 000{Enter}');
    await waitFor(() =>
      expect(productCalls(api.calls).at(-1)?.variables.filter).toMatchObject({ priceMin: '400', priceMax: '1000' }),
    );
    expect(shownSearchParams().get('price')).toBe('400-1000');
    const facetsFilter = api.calls.filter((c) => c.operation === 'CatalogFacets').at(-1)?.variables.filter;
    expect(facetsFilter).toMatchObject({ priceMin: '400', priceMax: '1000' });

    const chip = screen.getByRole('button', {
      name: (name) => plain(name) === 'Убрать фильтр «Цена: 400,00 ₽ – 1 000,00 ₽»',
    });
    await user.click(chip);
    // Back to the unfiltered list (answered from the cache, so seen in the address).
    await waitFor(() => expect(shownSearchParams().get('price')).toBeNull());
    expect((screen.getByLabelText('Цена от') as HTMLInputElement).value).toBe('');
  });

  it('puts the price filter in the phone’s bottom sheet, with the live count', async () => {
    onPhone();
    const { api } = renderApp({
      path: '/catalog',
      answers: answers((call: ApiCall) =>
        (call.variables.filter as { priceMin?: string }).priceMin ? products(1, 1) : products(2, 68),
      ),
    });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Товары' });
    await user.click(screen.getByRole('button', { name: 'Категории и фильтры' }));
    const sheet = screen.getByRole('dialog', { name: 'Категории и фильтры' });
    await user.type(within(sheet).getByLabelText('Цена от'), '500');
    await user.click(within(sheet).getByRole('button', { name: 'Применить' }));
    expect(await within(sheet).findByRole('button', { name: 'Показать 1 товар' })).toBeTruthy();
    expect(productCalls(api.calls).at(-1)?.variables.filter).toMatchObject({ priceMin: '500' });
  });

  it('shows the price on grid cards too', async () => {
    renderApp({ path: '/catalog?view=grid', answers: answers() });
    const [amount] = await screen.findAllByTestId('price-amount');
    const card = amount?.closest('.product-card') as HTMLElement;
    expect(plain(amount?.textContent)).toBe('495,00 ₽');
    expect(within(card).getByText('за шт., с НДС')).toBeTruthy();
  });

  it.each([
    ['staff without a partner organization', staffMe],
    ['the manufacturer', factoryMe],
  ])('offers no price sort or filter to %s, and sends none', async (_who, meAnswer) => {
    const { api } = renderApp({ path: '/catalog?sort=price&price=100-200', answers: answers(unpriced(), meAnswer) });
    const table = await screen.findByRole('table', { name: 'Товары' });
    await waitFor(() =>
      expect(priceCells(table).map((cell) => cell.textContent)).toEqual([
        'Цены видны организациям-партнёрам',
        'Цены видны организациям-партнёрам',
      ]),
    );
    expect(table.textContent).not.toMatch(/₽/);

    const sortOptions = within(screen.getByLabelText('Сортировка')).getAllByRole('option').map((o) => o.textContent);
    expect(sortOptions).not.toContain('Сначала дешёвые');
    expect(screen.queryByLabelText('Цена от')).toBeNull();
    expect(screen.queryByRole('button', { name: /Убрать фильтр «Цена/ })).toBeNull();
    const last = productCalls(api.calls).at(-1)?.variables;
    expect(last?.sortBy).toEqual({ field: 'NAME', direction: 'ASC' });
    expect(last?.filter).not.toHaveProperty('priceMin');
  });

  it('says «Цена по запросу» in a partner’s row its seller has no price for', async () => {
    renderApp({ path: '/catalog', answers: answers(unpriced()), language: 'en' });
    const table = await screen.findByRole('table', { name: 'Products' });
    expect(priceCells(table).map((cell) => cell.textContent)).toEqual(['Price on request', 'Price on request']);
  });
});
