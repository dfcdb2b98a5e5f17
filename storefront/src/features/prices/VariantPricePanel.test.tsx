import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { priceTiers, variantPrice } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { PriceAudience } from './usePriceAudience';
import { VariantPricePanel } from './VariantPricePanel';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const spring = { id: 'UHJvbW90aW9uOjE=', name: 'Весна', kind: 'PERCENT' as const, value: '10', validUntil: '2026-12-31' };
const fixed = { id: 'UHJvbW90aW9uOjI=', name: 'Склад', kind: 'FIXED' as const, value: '15.00', validUntil: null };

type Shown = Parameters<typeof VariantPricePanel>[0]['variant'];

function show(variant: Shown, { language = 'ru', audience = 'partner' }: { language?: 'ru' | 'en'; audience?: PriceAudience } = {}) {
  return renderApp({
    path: '/product/kraska?variant=KR-1',
    answers: {},
    language,
    element: <VariantPricePanel variant={variant} audience={audience} />,
  });
}

describe("the chosen variant's price on the product page", () => {
  it('shows the price with VAT first, net under it, and the next cheaper tier', () => {
    show({ unit: 'PCS', price: variantPrice(), priceTiers });
    expect(plain(screen.getByTestId('price-amount').textContent)).toBe('495,00 ₽');
    // Beside the price, and over the tiers' prices.
    expect(screen.getAllByText('за шт., с НДС')).toHaveLength(2);
    expect(plain(screen.getByTestId('price-other').textContent)).toBe('без НДС: 412,50 ₽ · НДС 20 %');
    expect(plain(screen.getByTestId('next-tier').textContent)).toBe('Дешевле от 50 шт.: 480,00 ₽');
  });

  it('lists every tier with the buyer’s own one marked', () => {
    show({ unit: 'PCS', price: variantPrice(), priceTiers });
    const table = screen.getByRole('table', { name: 'Цена от количества' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => plain(row.textContent))).toEqual([
      'от 1 шт.510,00 ₽',
      'от 6 шт.ваша цена495,00 ₽',
      'от 50 шт.480,00 ₽',
    ]);
    expect(rows.map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
  });

  it('shows net tiers and the gross price second when prices are stated without VAT, in English', () => {
    show({ unit: 'PCS', price: variantPrice({ pricesIncludeVat: false }), priceTiers }, { language: 'en' });
    expect(plain(screen.getByTestId('price-amount').textContent)).toBe('RUB 412.50');
    expect(plain(screen.getByTestId('price-other').textContent)).toBe('incl. VAT: RUB 495.00 · VAT 20%');
    expect(plain(screen.getByTestId('next-tier').textContent)).toBe('Cheaper from 50 pcs: RUB 400.00');
    expect(screen.getByRole('columnheader', { name: 'per pc, excl. VAT' })).toBeTruthy();
  });

  it('shows the promotions with their discount and last day, the list price struck out', () => {
    const price = variantPrice({ gross: '430.50', net: '358.75', promotions: [spring, fixed] });
    show({ unit: 'PCS', price, priceTiers: [] });
    expect(plain(screen.getByText(/Цена без скидки/).closest('s')?.textContent)).toBe('Цена без скидки: 495,00 ₽');
    const promotions = screen.getByRole('list', { name: 'Акции' });
    expect(within(promotions).getAllByRole('listitem').map((item) => plain(item.textContent))).toEqual([
      '−10 % Весна до 31.12.2026',
      '−15,00 ₽ Склад',
    ]);
    // One tier or none: no table to compare.
    expect(screen.queryByTestId('price-tiers')).toBeNull();
  });

  it('has no next-tier hint on the cheapest tier', () => {
    show({ unit: 'PCS', price: variantPrice({ nextTier: null, minQuantity: '50' }), priceTiers });
    expect(screen.queryByTestId('next-tier')).toBeNull();
  });

  it('asks a signed-out visitor to sign in, linking back to this product', () => {
    const { container } = show({ unit: 'PCS', price: null, priceTiers: [] }, { audience: 'signedOut' });
    const link = screen.getByRole('link', { name: 'Войдите, чтобы увидеть цены' });
    expect(link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent('/product/kraska?variant=KR-1')}`);
    expect(container.textContent).not.toMatch(/\d/);
  });

  it('says «Цена по запросу» when the partner has no price for this variant', () => {
    show({ unit: 'PCS', price: null, priceTiers: [] });
    expect(screen.getByText('Цена по запросу')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
