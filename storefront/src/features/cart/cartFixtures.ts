/** API answers for the cart's component tests. */
import type { CartLinePartsFragment, CartPartsFragment, LineReportPartsFragment, SavedCartPartsFragment } from '../../gql/graphql';
import { noAvailability, variantPrice } from '../../test/fixtures';

export function cartLine(overrides: Partial<CartLinePartsFragment> = {}): CartLinePartsFragment {
  return {
    __typename: 'CartLine',
    id: 'L1',
    sku: 'KR-FAS-0003-10',
    name: '10 л',
    unit: 'PCS',
    quantity: '20.000',
    source: 'CATALOG',
    variant: { id: 'PV3', product: { id: 'P3', slug: 'fasad-pro', name: 'Краска фасадная «Фасад-Про»' } },
    rules: { minimum: '10.000', step: '10.000', packSize: '1.000', unit: 'PCS' },
    price: variantPrice({ minQuantity: '10.000' }),
    unitNet: '412.50',
    unitGross: '495.00',
    totalNet: '8250.00',
    totalGross: '9900.00',
    availability: { inStock: true, nextIncomingDate: null, available: { exact: '140.000', band: 'OVER_100', inStock: true } },
    problem: null,
    ...overrides,
  } as CartLinePartsFragment;
}

export function cart(lines: CartLinePartsFragment[] = [cartLine()], overrides: Partial<CartPartsFragment> = {}): CartPartsFragment {
  return {
    __typename: 'Cart',
    id: 'Cart-1',
    lineCount: lines.length,
    currency: 'RUB',
    canPlace: lines.every((line) => !line.problem),
    priceToken: 'token',
    updatedAt: '2026-11-30T10:00:00Z',
    lines,
    totals: {
      subtotalNet: '8250.00',
      volumeDiscountPercent: '0',
      nextVolumeStep: { threshold: '10000.00', percent: '3' },
      totalNet: '8250.00',
      totalVat: '1650.00',
      totalGross: '9900.00',
    },
    ...overrides,
  } as CartPartsFragment;
}

export function reportRow(overrides: Partial<LineReportPartsFragment> = {}): LineReportPartsFragment {
  return {
    row: 1,
    sheet: null,
    sku: 'KR-FAS-0003-10',
    quantityText: '20',
    status: 'ADDED',
    quantity: '20.000',
    code: null,
    message: null,
    suggestions: [],
    nearestQuantity: null,
    variant: { id: 'PV3', name: '', unit: 'PCS' },
    ...overrides,
  };
}

export function savedCart(overrides: Partial<SavedCartPartsFragment> = {}): SavedCartPartsFragment {
  return {
    __typename: 'SavedCart',
    id: 'S1',
    name: 'Еженедельный заказ',
    shared: false,
    mine: true,
    lineCount: 14,
    updatedAt: '2026-11-28T09:30:00Z',
    owner: { fullName: 'Юлия Миронова' },
    ...overrides,
  } as SavedCartPartsFragment;
}

export { noAvailability };
