import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProductDetailQuery } from '../../gql/graphql';
import { me, productDetail } from '../../test/fixtures';
import { renderApp, shownSearchParams } from '../../test/render';

type Product = NonNullable<ProductDetailQuery['product']>;
const base = productDetail.product as Product;
const first = base.variants[0] as Product['variants'][number];

/** The fixture's 0.9 l can, a 2.5 l can sold one by one, and a bucket with no attributes. */
const product: ProductDetailQuery = {
  product: {
    ...base,
    variants: [
      first,
      {
        ...first,
        id: 'PV2',
        sku: 'KR-FAS-0001-2.5L',
        name: '2,5 л',
        packSize: '1.000',
        minOrderQuantity: '1.000',
        orderMultiple: '1.000',
        weightKg: '3.575',
        volumeM3: '0.003250',
        attributes: [{ attribute: { id: 'A2', name: 'Объём', unit: 'л' }, values: [{ id: 'V10', name: '2.5' }] }],
      },
      {
        ...first,
        id: 'PV3',
        sku: 'KR-FAS-0001-BKT',
        name: 'Ведро',
        packSize: '1.000',
        minOrderQuantity: '48.000',
        orderMultiple: '24.000',
        weightKg: null,
        volumeM3: null,
        attributes: [],
      },
    ],
  },
};

const answers = { Me: me(1), ProductDetail: product };
// The product page is a lazy route: on a loaded machine its first render takes over a second.
const LOADED = { timeout: 5000 };
const terms = () => screen.getByTestId('order-terms');
const term = (name: string) =>
  within(terms())
    .getByText(name, { selector: 'dt' })
    .closest('.properties__row')
    ?.querySelector('dd')?.textContent;

describe('product page: the chosen variant', () => {
  it('offers the variants as a radio group and shows the first one’s order terms', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers });

    const group = await screen.findByRole('group', { name: 'Вариант' }, LOADED);
    const options = within(group).getAllByRole('radio');
    expect(options).toHaveLength(3);
    expect(within(group).getByRole('radio', { name: /0,9 л/ })).toHaveProperty('checked', true);
    expect(within(group).getByRole('radio', { name: /2,5 л/ }).textContent).toBe('');
    // Each card says what the table hides on a phone: pack size and minimum order.
    expect(options[1]?.closest('label')?.textContent).toContain('в упаковке 1 шт. · заказ от 1 шт.');
    expect(term('Артикул')).toBe('KR-FAS-0001-0.9L');
    expect(term('В упаковке')).toBe('6 шт.');
    expect(term('Мин. заказ')).toBe('12 шт.');
  });

  it('lets the chosen variant drive the order terms, marks it in the table and keeps it in the address', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers, showLocation: true });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: /Ведро/ }, LOADED));

    expect(screen.getByRole('radio', { name: /Ведро/ })).toHaveProperty('checked', true);
    expect(term('Артикул')).toBe('KR-FAS-0001-BKT');
    expect(term('Мин. заказ')).toBe('48 шт.');
    expect(term('Кратность')).toBe('24 шт.');
    expect(within(terms()).queryByText('Вес')).toBeNull();
    expect(shownSearchParams().get('variant')).toBe('KR-FAS-0001-BKT');
    const table = screen.getByRole('table', { name: /Варианты товара/ });
    const current = table.querySelector('tbody tr[aria-current="true"]');
    expect(current?.textContent).toContain('KR-FAS-0001-BKT');
    expect(table.querySelectorAll('tbody tr[aria-current="true"]')).toHaveLength(1);
  });

  it('opens the variant the link names, and the first one for an unknown SKU', async () => {
    const { unmount } = renderApp({ path: '/product/kraska-fasadnaia-fasad-pro?variant=KR-FAS-0001-2.5L', answers });

    expect(await screen.findByRole('radio', { name: /2,5 л/ }, LOADED)).toHaveProperty('checked', true);
    expect(term('Артикул')).toBe('KR-FAS-0001-2.5L');
    expect(term('Вес')).toBe('3,575 кг');
    unmount();

    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro?variant=NOPE', answers });
    expect(await screen.findByRole('radio', { name: /0,9 л/ }, LOADED)).toHaveProperty('checked', true);
  });
});

describe('product page in English', () => {
  it('writes every number and unit the English way, with English plurals', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro?variant=KR-FAS-0001-2.5L', answers, language: 'en' });

    const group = await screen.findByRole('group', { name: 'Variant' }, LOADED);
    expect(within(group).getByRole('radio', { name: /0\.9 l/ })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: /2\.5 l/ }).closest('label')?.textContent).toContain(
      '1 pc per pack · order from 1 pc',
    );
    expect(term('Объём')).toBe('2.5 l');
    expect(term('Shipping volume')).toBe('0.00325 m³');
    expect(term('Weight')).toBe('3.575 kg');
    expect(term('Pack size')).toBe('1 pc');

    const table = screen.getByRole('table', { name: /variants/i });
    const row = within(table).getByText('KR-FAS-0001-0.9L').closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(expect.arrayContaining(['0.9 l', 'Объём: 0.9 l', '6 pcs', '12 pcs', '1.415 kg', '0.00117 m³']));

    // No number or unit written the Russian way anywhere on the page.
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/\d,\d/);
    expect(text).not.toMatch(/\d\s?(л|кг|шт\.|м³)/);
    expect(text).not.toMatch(/\b1 pcs\b/);
  });
});
