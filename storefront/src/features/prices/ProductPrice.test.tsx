import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { priceRange, variantPrice } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { ProductPrice, type PricedProduct } from './ProductPrice';
import type { PriceAudience } from './usePriceAudience';

// Intl uses no-break spaces in Russian money; compare with plain spaces.
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const spring = { id: 'UHJvbW90aW9uOjE=', name: 'Весна', kind: 'PERCENT' as const, value: '10', validUntil: '2026-12-31' };

/** A product of a 0.9 l can at 495 and a 2.5 l can lowered by «Весна» from 495 to 445.50. */
const onPromotion: PricedProduct = {
  priceRange: priceRange({ minGross: '445.50', maxGross: '495.00', hasPromotion: true }),
  variants: [
    { unit: 'PCS', price: variantPrice() },
    { unit: 'L', price: variantPrice({ gross: '445.50', net: '371.25', promotions: [spring] }) },
  ],
};

function show(product: PricedProduct, { language = 'ru', audience = 'partner' }: { language?: 'ru' | 'en'; audience?: PriceAudience } = {}) {
  return renderApp({ path: '/catalog', answers: {}, language, element: <ProductPrice product={product} audience={audience} /> });
}

describe('a catalog row price', () => {
  it('shows the lowest price «от», per unit with VAT, the list price struck out and the promotion', () => {
    show(onPromotion);
    expect(plain(screen.getByTestId('price-amount').textContent)).toBe('от 445,50 ₽');
    expect(plain(screen.getByText(/Цена без скидки/).closest('s')?.textContent)).toBe('Цена без скидки: 495,00 ₽');
    expect(screen.getByText('за л, с НДС')).toBeTruthy();
    expect(screen.getByText('Акция: Весна')).toBeTruthy();
  });

  it('speaks English with the currency the English way', () => {
    show(onPromotion, { language: 'en' });
    expect(plain(screen.getByTestId('price-amount').textContent)).toBe('from RUB 445.50');
    expect(screen.getByText('per l, incl. VAT')).toBeTruthy();
    expect(screen.getByText('Promotion: Весна')).toBeTruthy();
  });

  it('shows the net price «без НДС» when the seller states prices without VAT, no «от» for one price', () => {
    const net = variantPrice({ pricesIncludeVat: false });
    show({ priceRange: priceRange({ pricesIncludeVat: false }), variants: [{ unit: 'PCS', price: net }] });
    expect(plain(screen.getByTestId('price-amount').textContent)).toBe('412,50 ₽');
    expect(screen.getByText('за шт., без НДС')).toBeTruthy();
    expect(screen.queryByTestId('promotion-badges')).toBeNull();
  });

  it('gives a generic promotion badge when only the range says a promotion applies', () => {
    show({ priceRange: priceRange({ hasPromotion: true }), variants: [{ unit: 'PCS', price: variantPrice() }] });
    expect(screen.getByText('Акция')).toBeTruthy();
  });
});

describe('no price to show', () => {
  const unpriced: PricedProduct = { priceRange: null, variants: [{ unit: 'PCS', price: null }] };

  it('asks a signed-out visitor to sign in, with no number', () => {
    const { container } = show(unpriced, { audience: 'signedOut' });
    expect(screen.getByText('Войдите, чтобы увидеть цены')).toBeTruthy();
    expect(container.textContent).not.toMatch(/\d/);
  });

  it('says «Цена по запросу» to a partner whose seller offers no price', () => {
    show(unpriced);
    expect(screen.getByText('Цена по запросу')).toBeTruthy();
  });

  it('tells staff without a partner organization that prices are a partner’s', () => {
    show(unpriced, { audience: 'notBuying', language: 'en' });
    expect(screen.getByText('Prices are shown to partner organizations')).toBeTruthy();
  });

  it('says nothing while it is not known who looks', () => {
    const { container } = show(unpriced, { audience: 'pending' });
    expect(container.textContent).toBe('');
  });
});
