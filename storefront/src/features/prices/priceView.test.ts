import { describe, expect, it } from 'vitest';
import { priceRange, priceTiers, variantPrice } from '../../test/fixtures';
import { currentTierIndex, priceUnit, shownPrice, summarizeProductPrice } from './priceView';

const promotion = { id: 'UHJvbW90aW9uOjE=', name: 'Весна', kind: 'PERCENT' as const, value: '10', validUntil: '2026-12-31' };

describe('what price a buyer is shown', () => {
  it('leads with gross when the seller states prices with VAT, else with net', () => {
    expect(shownPrice(variantPrice())).toMatchObject({ basis: 'gross', amount: '495.00', otherAmount: '412.50' });
    expect(shownPrice(variantPrice({ pricesIncludeVat: false }))).toMatchObject({
      basis: 'net',
      amount: '412.50',
      otherAmount: '495.00',
    });
  });

  it('strikes out the list price only when a promotion lowered it', () => {
    expect(shownPrice(variantPrice()).listAmount).toBeNull();
    const lowered = variantPrice({ net: '371.25', gross: '445.50', promotions: [promotion] });
    expect(shownPrice(lowered).listAmount).toBe('495.00');
    // "495.0" equals "495.00": no struck-out price for a difference in writing.
    expect(shownPrice(variantPrice({ listGross: '495.0' })).listAmount).toBeNull();
  });

  it('marks the tier the price comes from, also when the minimum order sits inside a list tier', () => {
    expect(currentTierIndex(priceTiers, variantPrice({ minQuantity: '6' }))).toBe(1);
    // The list's tier "from 1" priced a minimum order of 6: the API's tiers start at 6.
    const fromSix = [
      { minQuantity: '6', net: '412.50', gross: '495.00' },
      { minQuantity: '10', net: '400.00', gross: '480.00' },
    ];
    expect(currentTierIndex(fromSix, variantPrice({ minQuantity: '1' }))).toBe(0);
    expect(currentTierIndex(priceTiers, variantPrice({ minQuantity: null }))).toBe(1);
    expect(currentTierIndex(priceTiers, variantPrice({ net: '1.00', gross: '1.20' }))).toBe(-1);
  });

  it("prices per the list's unit of sale when it names a known one", () => {
    expect(priceUnit(variantPrice({ unit: 'PACK' }), 'PCS')).toBe('PACK');
    expect(priceUnit(variantPrice({ unit: 'коробка' }), 'PCS')).toBe('PCS');
  });
});

describe("a catalog row's price", () => {
  it('is the cheapest variant price, «от» when the variants differ', () => {
    const summary = summarizeProductPrice(priceRange({ minGross: '450.00', maxGross: '495.00' }), [
      { unit: 'PCS', price: variantPrice() },
      { unit: 'L', price: variantPrice({ gross: '450.00', listGross: '450.00' }) },
    ]);
    expect(summary).toMatchObject({ amount: '450.00', from: true, unit: 'L', hasPromotion: false, promotions: [] });
  });

  it('has no «от» when every variant costs the same', () => {
    const summary = summarizeProductPrice(priceRange(), [
      { unit: 'PCS', price: variantPrice() },
      { unit: 'PCS', price: variantPrice() },
    ]);
    expect(summary?.from).toBe(false);
  });

  it('names the promotions of any variant once, with the struck-out list price', () => {
    const lowered = variantPrice({ gross: '445.50', promotions: [promotion] });
    const summary = summarizeProductPrice(priceRange({ hasPromotion: true }), [
      { unit: 'PCS', price: lowered },
      { unit: 'PCS', price: { ...lowered, gross: '500.00', listGross: '520.00' } },
    ]);
    expect(summary).toMatchObject({ amount: '445.50', listAmount: '495.00', promotions: ['Весна'], hasPromotion: true });
  });

  it('is nothing when no variant has a price', () => {
    expect(summarizeProductPrice(null, [{ unit: 'PCS', price: null }])).toBeNull();
  });
});
