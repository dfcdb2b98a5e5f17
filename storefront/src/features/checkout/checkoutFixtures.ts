/** The checkout's API answers for the tests: a dealer's cart of two lines, an order, an order file. */
import type { CheckoutCartQuery, LineReportPartsFragment, OrderPlaceMutation } from '../../gql/graphql';
import type { UploadedFile } from './orderFile/mapping';

export function checkoutCart(overrides: Partial<CheckoutCartQuery['cart']> = {}): CheckoutCartQuery {
  return {
    cart: {
      id: 'CART1',
      buyer: { id: 'O2', name: 'Столичный дом красок', region: 'Москва', parent: { id: 'O1', name: 'Завод «Краски России»' } },
      lines: [
        {
          id: 'L1',
          sku: 'KR-FAS-0001-0.9L',
          name: 'Краска фасадная «Фасад-Про» 0,9 л',
          unit: 'PCS',
          quantity: '60.000',
          unitNet: '412.50',
          totalNet: '24750.00',
          totalGross: '29700.00',
          variant: { id: 'PV1', product: { id: 'P0', preorderAllowed: true, samplesAvailable: false } },
          problem: null,
        },
        {
          id: 'L2',
          sku: 'EM-PF115-2.7L',
          name: 'Эмаль ПФ-115 2,7 л',
          unit: 'PCS',
          quantity: '12.000',
          unitNet: '500.00',
          totalNet: '6000.00',
          totalGross: '7200.00',
          variant: { id: 'PV2', product: { id: 'P1', preorderAllowed: false, samplesAvailable: false } },
          problem: null,
        },
      ],
      lineCount: 2,
      currency: 'RUB',
      totals: { subtotalNet: '30750.00', volumeDiscountPercent: '0', totalNet: '30750.00', totalVat: '6150.00', totalGross: '36900.00' },
      priceToken: 'token-1',
      canPlace: true,
      ...overrides,
    },
  };
}

export const pickupWarehouses = {
  warehouses: { edges: [{ node: { id: 'W1', name: 'Склад Москва', city: 'Москва', region: 'Москва' } }] },
};

type Answer = NonNullable<OrderPlaceMutation['orderPlace']>;

export function placedOrder(overrides: Partial<NonNullable<Answer['order']>> = {}): OrderPlaceMutation {
  return {
    orderPlace: {
      order: {
        id: 'ORD1',
        number: '26-00042',
        status: 'PLACED',
        onBehalf: false,
        grandTotalGross: '49300.00',
        currency: 'RUB',
        buyer: { id: 'O2', name: 'Столичный дом красок' },
        seller: { id: 'O1', name: 'Завод «Краски России»' },
        approvers: [],
        ...overrides,
      },
      priceChanges: [],
      errors: [],
    },
  };
}

export function refused(code: Answer['errors'][number]['code'], message = '', extra: Partial<Answer> = {}): OrderPlaceMutation {
  return { orderPlace: { order: null, priceChanges: [], errors: [{ field: null, code, message, skus: null }], ...extra } };
}

export const orderClients = {
  orderClients: [
    { organization: { id: 'O5' }, name: 'Подмосковный строитель', inn: '5001000005', region: 'Московская область' },
    { organization: { id: 'O6' }, name: 'Тульский ремонт', inn: '7100000006', region: 'Тульская область' },
  ],
};

/** A messy order file: a title row, then Наименование / Артикул / Кол-во; the API guessed B and C. */
export function uploadedFile(overrides: Partial<UploadedFile> = {}): UploadedFile {
  return {
    id: 'F1',
    filename: 'заказ.xlsx',
    sheets: [
      {
        index: 0,
        name: 'Заказ',
        rowCount: 14,
        headerRow: 3,
        headers: ['Наименование', 'Артикул', 'Кол-во', 'Цена'],
        preview: [
          ['Краска фасадная', ' kr-fas-0001-0.9l ', '60 шт', '495'],
          ['Эмаль ПФ-115', 'EM-PF115-2.7L', '12', '600'],
        ],
      },
      { index: 1, name: 'Лист2', rowCount: 3, headerRow: 1, headers: ['SKU', 'Qty'], preview: [['KR-1', '5']] },
    ],
    columns: { sheet: 0, headerRow: 3, sku: 1, quantity: 2, name: 0, unit: null, price: null },
    columnsRemembered: true,
    ...overrides,
  };
}

export function reportRows(): LineReportPartsFragment[] {
  const base = { sheet: 'Заказ', quantity: null, code: null, message: null, suggestions: [], nearestQuantity: null, variant: null };
  return [
    { ...base, row: 4, sku: ' kr-fas-0001-0.9l ', quantityText: '60 шт', status: 'ADDED', quantity: '60', variant: { id: 'PV1', name: '0,9 л', unit: 'PCS' } },
    { ...base, row: 5, sku: 'KR-FAS-001-0.9L', quantityText: '12', status: 'SKIPPED', code: 'UNKNOWN_SKU', message: 'unknown', suggestions: ['KR-FAS-0001-0.9L', 'KR-FAS-0001-2.7L'] },
    { ...base, row: 6, sku: 'EM-PF115-2.7L', quantityText: '10', status: 'SKIPPED', code: 'NOT_MULTIPLE', message: 'pack of 6', nearestQuantity: '12', variant: { id: 'PV2', name: '2,7 л', unit: 'PCS' } },
  ];
}
