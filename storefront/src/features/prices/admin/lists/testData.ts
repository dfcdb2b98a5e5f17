/** Answers for the price list screens' tests: a dealer's resale list and its entries. */
import type { PriceListSettingsFragment } from '../../../../gql/graphql';

export const resaleList: PriceListSettingsFragment = {
  id: 'L1',
  name: 'Прайс для субдилеров',
  currency: 'RUB',
  priority: 0,
  validFrom: null,
  validUntil: null,
  pricesIncludeVat: true,
  kind: 'RESALE',
  isDerived: false,
  isBase: false,
  entryCount: 3,
  belowFloorSince: null,
  owner: { id: 'O2', name: 'Столичный дом красок', kind: 'DEALER' },
  formulaFactor: '1.0000',
  formulaPercent: '0.00',
  formulaAmount: '0.00',
  formulaRounding: 'CENT',
  belowFloorSkus: [],
  fallback: null,
  source: null,
  assignments: [{ id: 'A1' }],
};

export const derivedList: PriceListSettingsFragment = {
  ...resaleList,
  id: 'L2',
  name: 'Золотой прайс',
  kind: 'PURCHASE',
  isDerived: true,
  owner: { id: 'O1', name: 'Завод', kind: 'MANUFACTURER' },
  formulaFactor: '0.9200',
  formulaRounding: 'WHOLE',
  source: { id: 'L0', name: 'Базовый прайс', currency: 'RUB' },
  assignments: [],
};

function entry(id: string, variant: { id: string; sku: string; name: string; product: string }, minQuantity: string, price: string) {
  return {
    node: {
      id,
      minQuantity,
      price,
      unit: '',
      variant: { id: variant.id, sku: variant.sku, name: variant.name, unit: 'PCS' as const, product: { id: `P-${variant.id}`, name: variant.product } },
    },
  };
}

export const DOOR = { id: 'V1', sku: 'DV-OAK-700', name: '700 мм', product: 'Дверь «Дуб»' };
export const PAINT = { id: 'V2', sku: 'KR-FAS-09', name: '0,9 л', product: 'Краска фасадная' };

export const entriesPage = {
  priceListEntries: {
    totalCount: 3,
    edges: [entry('E1', DOOR, '1.000', '14500.00'), entry('E2', DOOR, '10.000', '13900.00'), entry('E3', PAINT, '1.000', '890.00')],
  },
};

export const doorEntries = {
  priceListEntries: { totalCount: 2, edges: entriesPage.priceListEntries.edges.slice(0, 2) },
};
