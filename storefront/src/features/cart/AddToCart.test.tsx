import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { categories, facets, me, productDetail, products } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';
import { cart, cartLine } from './cartFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A cart that holds `lines` lines once the add went through. */
function cartApi() {
  let lines = 0;
  return {
    CartBadge: () => ({ cart: { __typename: 'Cart', id: 'Cart-1', lineCount: lines } }),
    CartLinesAdd: (call: ApiCall) => {
      const [line] = call.variables.lines as Array<{ variant: string; quantity: string }>;
      if (line!.quantity === '7') {
        return { cartLinesAdd: { cart: null, errors: [{ field: 'lines.0.quantity', code: 'NOT_ORDERABLE', message: 'x', skus: ['KR-FAS-0000-10L'], nearestQuantity: null, suggestions: null }] } };
      }
      lines += 1;
      return { cartLinesAdd: { cart: cart([cartLine({ quantity: `${line!.quantity}.000` })]), errors: [] } };
    },
  };
}

const catalogAnswers = () => ({ Me: me(1), CatalogCategories: categories, CatalogFacets: facets, CatalogProducts: products(), ...cartApi() });

describe('adding to the cart', () => {
  it('adds a catalog row’s variant at its minimum, confirms with a link to the cart, and the header badge counts it', async () => {
    const { api } = renderApp({ path: '/catalog', answers: catalogAnswers() });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Товары' });
    const badge = await screen.findByTestId('cart-badge');
    expect(badge.getAttribute('aria-label')).toBe('Корзина пуста');

    // A closed row has only its cart button (the phone's first screen keeps its rows).
    expect(within(table).queryByTestId('add-to-cart')).toBeNull();
    const [toggle] = within(table).getAllByTestId('cart-toggle');
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle!);
    expect(within(table).getAllByTestId('cart-toggle')[0]!.getAttribute('aria-expanded')).toBe('true');
    const [first] = within(table).getAllByTestId('add-to-cart');
    const quantity = within(first!).getByRole('textbox', { name: 'Количество, KR-FAS-0000-10L' }) as HTMLInputElement;
    expect(quantity.value).toBe('1');
    await user.click(within(first!).getByRole('button', { name: 'Больше' }));
    await user.click(within(first!).getByRole('button', { name: 'В корзину: KR-FAS-0000-10L' }));

    const done = await within(first!).findByTestId('added-to-cart');
    expect(plain(done.textContent)).toBe('Добавлено в корзину: 2 шт. — KR-FAS-0000-10L Перейти в корзину');
    expect(within(done).getByRole('link', { name: 'Перейти в корзину' }).getAttribute('href')).toBe('/cart');
    expect(api.calls.find((call) => call.operation === 'CartLinesAdd')?.variables).toEqual({
      lines: [{ variant: 'V-KR-FAS-0000-10L', quantity: '2' }],
      source: 'CATALOG',
    });
    await waitFor(() => expect(screen.getByTestId('cart-badge').getAttribute('aria-label')).toBe('Корзина: 1 строка'));
    expect(screen.getByTestId('cart-badge-count').textContent).toBe('1');
  });

  it('offers the variant from a list, starts at its own minimum, and says an API refusal by its code', async () => {
    renderApp({ path: '/catalog?view=grid', answers: catalogAnswers() });
    const user = userEvent.setup();
    const [toggle] = await screen.findAllByTestId('cart-toggle');
    await user.click(toggle!);
    const [card] = await screen.findAllByTestId('add-to-cart');
    const cardBody = card!.closest('.product-card')!;
    await user.selectOptions(within(cardBody as HTMLElement).getByRole('combobox', { name: 'Вариант' }), 'V-KR-FAS-0000-20L');
    const quantity = within(cardBody as HTMLElement).getByRole('textbox', { name: 'Количество, KR-FAS-0000-20L' }) as HTMLInputElement;
    expect(quantity.value).toBe('6');
    await user.clear(quantity);
    await user.type(quantity, '7');
    // 7 breaks no rule of this fixture (multiple 1), so the API's refusal is what shows.
    await user.click(within(cardBody as HTMLElement).getByRole('button', { name: 'В корзину: KR-FAS-0000-20L' }));
    const alert = await within(cardBody as HTMLElement).findByRole('alert');
    expect(plain(alert.textContent)).toContain('Этот товар нельзя заказать');
    expect(plain(alert.textContent)).toContain('Артикулы: KR-FAS-0000-10L.');
  });

  it('blocks «В корзину» while the typed quantity breaks the rules (the product page’s chosen variant)', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: { Me: me(1), ProductDetail: productDetail, ...cartApi() } });
    const user = userEvent.setup();
    const panel = await screen.findByTestId('order-panel');
    const quantity = within(panel).getByRole('textbox', { name: 'Количество, KR-FAS-0001-0.9L' }) as HTMLInputElement;
    expect(quantity.value).toBe('12');
    await user.clear(quantity);
    await user.type(quantity, '13');
    const add = within(panel).getByRole('button', { name: 'В корзину: KR-FAS-0001-0.9L' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await user.click(within(panel).getByRole('button', { name: 'Взять 12 шт.' }));
    expect(add.disabled).toBe(false);
  });

  it('shows no order controls nor badge to a member who may not place orders', async () => {
    const viewer = me(1);
    viewer.me!.memberships[0]!.permissions = ['VIEW_ORDERS'];
    renderApp({ path: '/catalog', answers: { ...catalogAnswers(), Me: viewer } });
    await screen.findByRole('table', { name: 'Товары' });
    expect(screen.queryByTestId('cart-toggle')).toBeNull();
    expect(screen.queryByTestId('add-to-cart')).toBeNull();
    expect(screen.queryByTestId('cart-badge')).toBeNull();
  });
});
