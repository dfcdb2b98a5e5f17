import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProductDetailQuery } from '../../gql/graphql';
import { me, productDetail, variantPrice } from '../../test/fixtures';
import { renderApp } from '../../test/render';

type Product = NonNullable<ProductDetailQuery['product']>;
const base = productDetail.product as Product;
const first = base.variants[0] as Product['variants'][number];
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** The fixture's can at 495 with tiers, and a bucket on «Весна» the seller has tiers for too. */
const product: ProductDetailQuery = {
  product: {
    ...base,
    variants: [
      first,
      {
        ...first,
        id: 'PV3',
        sku: 'KR-FAS-0001-BKT',
        name: 'Ведро',
        price: variantPrice({
          gross: '2160.00',
          net: '1800.00',
          listGross: '2400.00',
          listNet: '2000.00',
          minQuantity: '1.000',
          nextTier: { minQuantity: '10.000', net: '1700.00', gross: '2040.00' },
          promotions: [{ id: 'P1', name: 'Весна', kind: 'PERCENT', value: '10', validUntil: '2026-12-31' }],
        }),
        priceTiers: [
          { minQuantity: '1.000', net: '1800.00', gross: '2160.00' },
          { minQuantity: '10.000', net: '1700.00', gross: '2040.00' },
        ],
      },
      { ...first, id: 'PV4', sku: 'KR-FAS-0001-SAMPLE', name: 'Образец', price: null, priceTiers: [] },
    ],
  },
};
const LOADED = { timeout: 5000 };

describe('product page: the chosen variant’s price in «Условия заказа»', () => {
  it('follows the chosen variant: price, tiers, next tier, promotion, and «по запросу» without a price', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: { Me: me(1), ProductDetail: product } });
    const user = userEvent.setup();
    const panel = await screen.findByTestId('order-panel', {}, LOADED);

    const price = () => within(panel).getByTestId('variant-price');
    expect(plain(within(price()).getByTestId('price-amount').textContent)).toBe('495,00 ₽');
    expect(plain(within(price()).getByTestId('next-tier').textContent)).toBe('Дешевле от 50 шт.: 480,00 ₽');
    expect(within(price()).getByRole('row', { current: true }).textContent).toContain('от 12 шт.');
    // Each variant card carries its price to compare.
    expect(plain(screen.getByRole('radio', { name: /Ведро/ }).closest('label')?.textContent)).toContain('2 160,00 ₽');

    await user.click(screen.getByRole('radio', { name: /Ведро/ }));
    expect(plain(within(price()).getByTestId('price-amount').textContent)).toBe('2 160,00 ₽');
    expect(plain(within(price()).getByText(/Цена без скидки/).closest('s')?.textContent)).toBe('Цена без скидки: 2 400,00 ₽');
    expect(plain(within(price()).getByRole('list', { name: 'Акции' }).textContent)).toBe('−10 % Весна до 31.12.2026');
    expect(plain(within(price()).getByTestId('next-tier').textContent)).toBe('Дешевле от 10 шт.: 2 040,00 ₽');

    await user.click(screen.getByRole('radio', { name: /Образец/ }));
    expect(within(price()).getByText('Цена по запросу')).toBeTruthy();
    expect(within(price()).queryByRole('table')).toBeNull();
  });

  it('says it in English', async () => {
    renderApp({ path: '/product/kraska-fasadnaia-fasad-pro', answers: { Me: me(1), ProductDetail: product }, language: 'en' });
    const panel = await screen.findByTestId('order-panel', {}, LOADED);
    expect(plain(within(panel).getByTestId('price-amount').textContent)).toBe('RUB 495.00');
    expect(within(panel).getByRole('table', { name: 'Price by quantity' })).toBeTruthy();
    expect(plain(within(panel).getByTestId('next-tier').textContent)).toBe('Cheaper from 50 pcs: RUB 480.00');
  });
});
