import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { attributes, categories, emptyProducts, me, productDetail, products } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';

const catalogAnswers = (productsAnswer: unknown = products()) => ({
  Me: me(1),
  CatalogCategories: categories,
  CatalogAttributes: attributes,
  CatalogProducts: productsAnswer,
});

const productCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'CatalogProducts');

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
    expect(screen.getByRole('checkbox', { name: 'акриловая' })).toBeTruthy();
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
    await user.click(screen.getByRole('checkbox', { name: 'акриловая' }));

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
