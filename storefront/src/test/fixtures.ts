/** Demo-like API answers for component tests. */
import type {
  AvailabilityPartsFragment,
  CatalogCategoriesQuery,
  CatalogFacetsQuery,
  CatalogProductsQuery,
  CountriesQuery,
  MeQuery,
  PriceRangeFieldsFragment,
  PriceTierFieldsFragment,
  ProductDetailQuery,
  VariantPriceFieldsFragment,
} from '../gql/graphql';

/**
 * A viewer's price as the API gives it (PRICE_CONTRACT): 412.50 net, 495.00 gross at 20 % VAT,
 * stated with VAT, from the tier of 6; override what a test is about.
 */
export function variantPrice(overrides: Partial<VariantPriceFieldsFragment> = {}): VariantPriceFieldsFragment {
  return {
    currency: 'RUB',
    net: '412.50',
    gross: '495.00',
    vatRate: '20.00',
    pricesIncludeVat: true,
    listNet: '412.50',
    listGross: '495.00',
    minQuantity: '6.000',
    unit: null,
    nextTier: { minQuantity: '50.000', net: '400.00', gross: '480.00' },
    promotions: [],
    ...overrides,
  };
}

export const priceTiers: PriceTierFieldsFragment[] = [
  { minQuantity: '1.000', net: '425.00', gross: '510.00' },
  { minQuantity: '6.000', net: '412.50', gross: '495.00' },
  { minQuantity: '50.000', net: '400.00', gross: '480.00' },
];

export function priceRange(overrides: Partial<PriceRangeFieldsFragment> = {}): PriceRangeFieldsFragment {
  return {
    currency: 'RUB',
    minNet: '412.50',
    maxNet: '412.50',
    minGross: '495.00',
    maxGross: '495.00',
    pricesIncludeVat: true,
    hasPromotion: false,
    ...overrides,
  };
}

export const categories: CatalogCategoriesQuery = {
  categories: {
    edges: [
      { node: { id: 'C1', name: 'Лакокрасочные материалы', slug: 'lakokrasochnye-materialy', level: 0, parent: null } },
      { node: { id: 'C2', name: 'Краски', slug: 'kraski', level: 1, parent: { id: 'C1' } } },
      { node: { id: 'C3', name: 'Фасадные краски', slug: 'fasadnye-kraski', level: 2, parent: { id: 'C2' } } },
      { node: { id: 'C4', name: 'Двери', slug: 'dveri', level: 0, parent: null } },
    ],
  },
};

export const facets: CatalogFacetsQuery = {
  productFacets: [
    {
      attribute: { id: 'A1', slug: 'osnova', name: 'Основа', unit: '' },
      values: [
        { value: { id: 'V1', slug: 'akrilovaia', name: 'акриловая' }, count: 41, selected: false },
        { value: { id: 'V2', slug: 'alkidnaia', name: 'алкидная' }, count: 27, selected: false },
      ],
    },
  ],
};

const variant = (sku: string, minOrderQuantity = '6.000') => ({
  id: `V-${sku}`,
  sku,
  unit: 'PCS' as const,
  packSize: '6.000',
  minOrderQuantity,
  orderMultiple: '1.000',
  price: variantPrice(),
  availability: noAvailability(),
  stock: [],
});

/** What the API answers for stock nobody holds (and for a visitor who is not signed in). */
export function noAvailability(): AvailabilityPartsFragment {
  return { inStock: false, nextIncomingDate: null, available: { exact: null, band: 'NONE', inStock: false } };
}

export function products(count = 2, totalCount = count): CatalogProductsQuery {
  return {
    products: {
      totalCount,
      searchCorrection: null,
      pageInfo: { hasNextPage: totalCount > count, hasPreviousPage: false, startCursor: 'c0', endCursor: `c${count - 1}` },
      edges: Array.from({ length: count }, (_, i) => ({
        node: {
          id: `P${i}`,
          name: i === 0 ? 'Краска фасадная «Фасад-Про» акриловая' : `Эмаль ПФ-115 №${i}`,
          slug: i === 0 ? 'kraska-fasadnaia-fasad-pro' : `emal-${i}`,
          preorderAllowed: i === 1,
          samplesAvailable: false,
          category: { id: 'C3', name: 'Фасадные краски' },
          thumbnail: { url: `http://localhost/media/p${i}_64.webp`, alt: '' },
          priceRange: priceRange(),
          availability: noAvailability(),
          variants: [variant(`KR-FAS-000${i}-10L`, '1.000'), variant(`KR-FAS-000${i}-20L`)],
        },
      })),
    },
  };
}

export const emptyProducts: CatalogProductsQuery = {
  products: { totalCount: 0, searchCorrection: null, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] },
};

export const BUYER_PERMISSIONS = ['PLACE_ORDERS', 'VIEW_ORDERS', 'VIEW_INVOICES'];
export const ADMIN_PERMISSIONS = [
  'MANAGE_MEMBERS',
  'MANAGE_ROLES',
  'MANAGE_SUB_DEALERS',
  'VIEW_AUDIT',
  'PLACE_ORDERS',
  'APPROVE_ORDERS',
  'VIEW_ORDERS',
  'VIEW_INVOICES',
  'MANAGE_PAYMENTS',
  'MANAGE_PRICES',
];

export function me(
  memberships: 1 | 2 = 1,
  activeIndex: number | null = 0,
  { admin = false, staffPermissions = [] as string[] } = {},
): MeQuery {
  const role = admin ? ('ADMIN' as const) : ('BUYER' as const);
  const permissions = admin ? ADMIN_PERMISSIONS : BUYER_PERMISSIONS;
  const all = [
    { id: 'M1', role, permissions, organization: { id: 'O2', name: 'Столичный дом красок', kind: 'DEALER' as const, currency: 'RUB' } },
    { id: 'M2', role, permissions, organization: { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER' as const, currency: 'RUB' } },
  ].slice(0, memberships);
  const active = activeIndex === null ? null : (all[activeIndex]?.organization ?? null);
  return {
    me: {
      user: { id: 'U1', email: 'multi@demo.local', fullName: 'Юлия Миронова', isStaff: staffPermissions.length > 0, staffPermissions },
      memberships: all,
      activeOrganization: active,
      role: active ? role : null,
    },
  };
}

export const productDetail: ProductDetailQuery = {
  product: {
    id: 'P0',
    name: 'Краска фасадная «Фасад-Про» акриловая',
    slug: 'kraska-fasadnaia-fasad-pro',
    description: 'Для наружных работ по бетону и штукатурке.',
    preorderAllowed: false,
    samplesAvailable: true,
    productType: { id: 'T1', name: 'Краска' },
    category: {
      id: 'C3',
      name: 'Фасадные краски',
      slug: 'fasadnye-kraski',
      ancestors: [
        { id: 'C1', name: 'Лакокрасочные материалы', slug: 'lakokrasochnye-materialy' },
        { id: 'C2', name: 'Краски', slug: 'kraski' },
      ],
    },
    attributes: [{ attribute: { id: 'A1', name: 'Основа', unit: '' }, values: [{ id: 'V1', name: 'акриловая' }] }],
    images: [{ id: 'I1', alt: '', large: { url: 'http://localhost/p_512.webp' }, small: { url: 'http://localhost/p_64.webp' } }],
    variants: [
      {
        id: 'PV1',
        sku: 'KR-FAS-0001-0.9L',
        name: '0,9 л',
        unit: 'PCS',
        packSize: '6.000',
        minOrderQuantity: '12.000',
        orderMultiple: '6.000',
        weightKg: '1.415',
        volumeM3: '0.001170',
        price: variantPrice({ minQuantity: '12.000' }),
        priceTiers: [
          { minQuantity: '12.000', net: '412.50', gross: '495.00' },
          { minQuantity: '50.000', net: '400.00', gross: '480.00' },
        ],
        availability: noAvailability(),
        stock: [],
        attributes: [{ attribute: { id: 'A2', name: 'Объём', unit: 'л' }, values: [{ id: 'V9', name: '0.9' }] }],
      },
    ],
  },
};

/**
 * A fake connection field answering `first`/`after` as the server does (graphql-relay offset
 * cursors): `total` rows, row `i` made by `node(i)`.
 */
export function pagedAnswer<T>(field: string, total: number, node: (index: number) => T) {
  return ({ variables }: { variables: Record<string, unknown> }) => {
    const after = typeof variables['after'] === 'string' ? Number(atob(variables['after']).split(':')[1]) : -1;
    const first = typeof variables['first'] === 'number' ? variables['first'] : 20;
    const indices = Array.from({ length: Math.max(0, Math.min(first, total - after - 1)) }, (_, i) => after + 1 + i);
    return { [field]: { totalCount: total, edges: indices.map((index) => ({ node: node(index) })) } };
  };
}

/** graphql-relay's cursor for the row at `offset`, as the server writes it. */
export const relayCursor = (offset: number) => btoa(`arrayconnection:${offset}`);

/** The `countries` answer: Russia with three of its regions, and two countries of free-text regions. */
export const countries: CountriesQuery = {
  countries: [
    {
      code: 'RU',
      name: 'Россия',
      nameEn: 'Russia',
      regions: [
        { code: '77', name: 'Москва', nameEn: 'Moscow' },
        { code: '71', name: 'Тульская область', nameEn: 'Tula Oblast' },
        { code: '16', name: 'Республика Татарстан', nameEn: 'Republic of Tatarstan' },
      ],
    },
    { code: 'BY', name: 'Беларусь', nameEn: 'Belarus', regions: [] },
    { code: 'KZ', name: 'Казахстан', nameEn: 'Kazakhstan', regions: [] },
  ],
};

/** No announcements: what the header's unread count and the catalog's marks get by default. */
export const NO_ANNOUNCEMENTS = {
  AnnouncementsUnreadCount: { announcementsUnreadCount: 0 },
  ProductAnnouncements: { announcements: { edges: [] } },
  // The home screen asks whether the seller has leftovers on sale (the «Распродажа» link).
  StockLeftoversOnSale: { leftovers: { totalCount: 0 } },
  // The header's cart badge (a member who may place orders): an empty cart.
  CartBadge: { cart: { __typename: 'Cart', id: 'Cart-1', lineCount: 0 } },
};
