import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { categories, emptyProducts, facets, me, productDetail, products } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';

const catalogAnswers = (productsAnswer: unknown = products()) => ({
  Me: me(1),
  CatalogCategories: categories,
  CatalogFacets: facets,
  CatalogProducts: productsAnswer,
});

const productCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'CatalogProducts');
const facetCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'CatalogFacets');

/** A phone-width screen for `useMediaQuery` (jsdom has no `matchMedia`). */
function onPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 900px)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('catalog page', () => {
  it('lists products in a table with the count, category tree and filters', async () => {
    renderApp({ path: '/catalog', answers: catalogAnswers(products(2, 68)) });

    const table = await screen.findByRole('table', { name: 'Товары' });
    expect(within(table).getByRole('link', { name: 'Краска фасадная «Фасад-Про» акриловая' }).getAttribute('href')).toBe(
      '/product/kraska-fasadnaia-fasad-pro',
    );
    expect(within(table).getAllByText('от 1 шт.')).toHaveLength(2);
    expect(within(table).getByText('Под заказ')).toBeTruthy();
    expect(screen.getByTestId('results-count').textContent).toContain('Найдено 68 товаров');
    expect(screen.getByRole('navigation', { name: 'Категории' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'акриловая 41 товар' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Страницы списка товаров' })).toBeTruthy();
  });

  it('searches as the user types, by relevance', async () => {
    const { api } = renderApp({ path: '/catalog', answers: catalogAnswers() });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Поиск по названию и артикулу' }), 'краска');

    await waitFor(() =>
      expect(productCalls(api.calls).at(-1)?.variables).toMatchObject({
        filter: { search: 'краска' },
        sortBy: { field: 'RELEVANCE' },
      }),
    );
  });

  it('filters by an attribute value and shows it as a removable chip', async () => {
    const { api } = renderApp({ path: '/catalog', answers: catalogAnswers() });
    const user = userEvent.setup();
    await user.click(await screen.findByText('Основа', { selector: 'summary span' }));
    await user.click(screen.getByRole('checkbox', { name: /^акриловая/ }));

    await waitFor(() =>
      expect(productCalls(api.calls).at(-1)?.variables).toMatchObject({
        filter: { attributes: [{ slug: 'osnova', values: ['akrilovaia'] }] },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Убрать фильтр «Основа: акриловая»' }));
    await waitFor(() => expect(productCalls(api.calls).at(-1)?.variables).toMatchObject({ filter: {} }));
  });

  it('filters by the category in the address, subcategories included', async () => {
    const { api } = renderApp({ path: '/catalog/kraski', answers: catalogAnswers() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Краски' })).toBeTruthy();
    await waitFor(() =>
      expect(productCalls(api.calls)[0]?.variables).toMatchObject({
        filter: { categories: ['C2'], includeSubcategories: true },
      }),
    );
    expect(screen.getByRole('link', { name: 'Краски', current: 'page' })).toBeTruthy();
  });

  it('offers only the facets of the results, with counts, for the same category and filters', async () => {
    const inCategory = {
      productFacets: [
        {
          attribute: { id: 'A2', slug: 'obem', name: 'Объём', unit: 'л' },
          values: [
            { value: { id: 'V9', slug: '0-9', name: '0.9' }, count: 1, selected: false },
            { value: { id: 'V10', slug: '10', name: '10' }, count: 3, selected: true },
          ],
        },
      ],
    };
    const { api } = renderApp({
      path: '/catalog/kraski?attr=obem:10',
      answers: { ...catalogAnswers(), CatalogFacets: inCategory },
    });

    expect(await screen.findByRole('checkbox', { name: '10 3 товара' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: '0,9 1 товар' })).toHaveProperty('checked', false);
    // Attributes the category's products do not have are not offered.
    expect(screen.queryByText('Основа', { selector: 'summary span' })).toBeNull();
    expect(facetCalls(api.calls)[0]?.variables).toEqual({
      filter: { categories: ['C2'], includeSubcategories: true, attributes: [{ slug: 'obem', values: ['10'] }] },
    });
    expect(screen.getByRole('button', { name: 'Убрать фильтр «Объём, л: 10»' })).toBeTruthy();
  });

  it('says which search it shows when the API corrected it', async () => {
    renderApp({
      path: '/catalog?q=rhfcrf',
      answers: catalogAnswers({ products: { ...products(2, 2).products, searchCorrection: 'краска' } }),
    });

    expect(await screen.findByText('Показаны результаты по запросу «краска»')).toBeTruthy();
  });

  it('says an unknown category does not exist, without a loading count beside it', async () => {
    const { api } = renderApp({ path: '/catalog/nope', answers: catalogAnswers() });

    expect(await screen.findByText('Такой категории нет')).toBeTruthy();
    expect(screen.queryByText('Загрузка…')).toBeNull();
    expect(screen.queryByTestId('results-count')).toBeNull();
    expect(productCalls(api.calls)).toHaveLength(0);
  });

  it('opens the filters on a phone as a bottom sheet that shows the live count', async () => {
    onPhone();
    const one = products(1, 1);
    const { api } = renderApp({
      path: '/catalog',
      answers: catalogAnswers((call: ApiCall) =>
        (call.variables.filter as { attributes?: unknown }).attributes ? one : products(2, 68),
      ),
    });
    const user = userEvent.setup();
    // Closed: the filters are not on the page, only the button that opens them.
    await screen.findByRole('table', { name: 'Товары' });
    expect(screen.queryByRole('navigation', { name: 'Категории' })).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Категории и фильтры' });
    await user.click(toggle);
    const sheet = screen.getByRole('dialog', { name: 'Категории и фильтры' });
    expect(sheet.getAttribute('aria-modal')).toBe('true');
    expect(within(sheet).getByRole('button', { name: 'Показать 68 товаров' })).toBeTruthy();
    expect(sheet.contains(document.activeElement)).toBe(true);

    await user.click(within(sheet).getByText('Основа', { selector: 'summary span' }));
    await user.click(within(sheet).getByRole('checkbox', { name: /^акриловая/ }));
    const show = await within(sheet).findByRole('button', { name: 'Показать 1 товар' });
    expect(productCalls(api.calls).at(-1)?.variables).toMatchObject({ filter: { attributes: [{ slug: 'osnova' }] } });

    // Focus stays inside: Tab from the last control comes back to the first.
    show.focus();
    await user.tab();
    expect(sheet.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);

    await user.click(toggle);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Сбросить' }));
    await within(screen.getByRole('dialog')).findByRole('button', { name: 'Показать 68 товаров' });
    await user.click(screen.getByRole('button', { name: 'Показать 68 товаров' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('counts in the sheet in English too, with the plural right', async () => {
    onPhone();
    renderApp({
      path: '/catalog',
      answers: catalogAnswers((call: ApiCall) =>
        (call.variables.filter as { attributes?: unknown }).attributes ? products(1, 1) : products(2, 68),
      ),
      language: 'en',
    });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Products' });
    await user.click(screen.getByRole('button', { name: 'Categories and filters' }));
    const sheet = screen.getByRole('dialog', { name: 'Categories and filters' });
    expect(within(sheet).getByRole('button', { name: 'Show 68 products' })).toBeTruthy();
    await user.click(within(sheet).getByText('Основа', { selector: 'summary span' }));
    await user.click(within(sheet).getByRole('checkbox', { name: 'акриловая 41 products' }));
    expect(await within(sheet).findByRole('button', { name: 'Show 1 product' })).toBeTruthy();
  });

  it('keeps the filters beside the results on a wide screen', async () => {
    renderApp({ path: '/catalog', answers: catalogAnswers() });

    expect(await screen.findByRole('navigation', { name: 'Категории' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Категории и фильтры' })).toBeTruthy();
  });

  it('switches to the grid with larger pictures', async () => {
    const { api } = renderApp({ path: '/catalog', answers: catalogAnswers() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Плитка' }));

    await waitFor(() => expect(productCalls(api.calls).at(-1)?.variables).toMatchObject({ thumbnailSize: 256 }));
    expect(screen.getByRole('button', { name: 'Плитка' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when nothing matches and offers to reset', async () => {
    renderApp({ path: '/catalog?q=xyzzy', answers: catalogAnswers(emptyProducts) });

    expect(await screen.findByText('По запросу «xyzzy» ничего не найдено')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сбросить поиск и фильтры' })).toBeTruthy();
  });

  it('shows a readable error with a retry instead of a blank page', async () => {
    renderApp({
      path: '/catalog',
      answers: catalogAnswers({ errors: [{ message: 'Query cost 90000 exceeds', extensions: { code: 'QUERY_TOO_COMPLEX' } }] }),
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Запрос слишком большой');
    expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });

  it('speaks English when switched', async () => {
    renderApp({ path: '/catalog', answers: catalogAnswers(products(2, 68)), language: 'en' });

    expect(await screen.findByRole('table', { name: 'Products' })).toBeTruthy();
    expect(screen.getByTestId('results-count').textContent).toContain('68 products found');
    expect(screen.getAllByText('from 1 pc')).toHaveLength(2);
  });
});

describe('product page', () => {
  it('shows variants with pack size, minimum order and step', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: { Me: me(1), ProductDetail: productDetail } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Краска фасадная «Фасад-Про» акриловая' })).toBeTruthy();
    const variants = screen.getByRole('table', { name: 'Варианты товара «Краска фасадная «Фасад-Про» акриловая»' });
    const row = within(variants).getByText('KR-FAS-0001-0.9L').closest('tr');
    expect(row).toBeTruthy();
    const cells = within(row as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(expect.arrayContaining(['6 шт.', '12 шт.', '1,415 кг', '0,00117 м³']));
    expect(screen.getByRole('link', { name: 'Фасадные краски' }).getAttribute('href')).toBe('/catalog/fasadnye-kraski');
  });

  it('says so when the product does not exist', async () => {
    renderApp({ path: '/product/nope', answers: { Me: me(1), ProductDetail: { product: null } } });

    expect(await screen.findByText('Товар не найден', { selector: '.ui-empty__title' })).toBeTruthy();
  });
});
