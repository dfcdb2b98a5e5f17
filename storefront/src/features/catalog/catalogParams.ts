/**
 * The catalog's state lives in the URL (search, filters, sorting, view, page), so a link or a
 * reload shows the same results. These pure functions read and write it and turn it into
 * the `products` query's variables.
 */
import type {
  CatalogProductsQueryVariables,
  ProductSortField,
  SortDirection,
} from '../../gql/graphql';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** Searching starts at this many characters (or an empty box). */
export const MIN_SEARCH_LENGTH = 2;

export const SORT_KEYS = ['relevance', 'name', '-name', '-created', '-updated', 'price', '-price'] as const;
/** Sorts that need the viewer's prices (refused by the API for a viewer without them). */
export const PRICE_SORTS: readonly SortKey[] = ['price', '-price'];
export type SortKey = (typeof SORT_KEYS)[number];
export type CatalogView = 'list' | 'grid';

export interface CatalogParams {
  search: string;
  /** Attribute slug → chosen value slugs. */
  attributes: Record<string, string[]>;
  /** Null: relevance while searching, else by name. */
  sort: SortKey | null;
  /** The unit price range (decimal strings, the viewer's price), `price=100-500` in the URL. */
  priceMin: string | null;
  priceMax: string | null;
  /** Only products in stock in a warehouse the viewer sees (`inStock=1`; signed-in viewers). */
  inStock: boolean;
  view: CatalogView;
  pageSize: number;
  page: number;
  after: string | null;
  before: string | null;
  /** Set for the last page, which is asked for from the end. */
  last: number | null;
}

const SORTS: Record<SortKey, { field: ProductSortField; direction: SortDirection }> = {
  relevance: { field: 'RELEVANCE', direction: 'DESC' },
  name: { field: 'NAME', direction: 'ASC' },
  '-name': { field: 'NAME', direction: 'DESC' },
  '-created': { field: 'CREATED_AT', direction: 'DESC' },
  '-updated': { field: 'UPDATED_AT', direction: 'DESC' },
  price: { field: 'PRICE', direction: 'ASC' },
  '-price': { field: 'PRICE', direction: 'DESC' },
};

const PRICE_BOUND = /^\d+(\.\d+)?$/;

/** `price=100-500`, `price=100-`, `price=-500` → the bounds; anything else → none. */
function parsePriceRange(value: string | null): { priceMin: string | null; priceMax: string | null } {
  const [min = '', max = ''] = (value ?? '').split('-', 2);
  return {
    priceMin: PRICE_BOUND.test(min) ? min : null,
    priceMax: PRICE_BOUND.test(max) ? max : null,
  };
}

function positiveInt(value: string | null): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}

export function parseCatalogParams(params: URLSearchParams): CatalogParams {
  const attributes: Record<string, string[]> = {};
  for (const raw of params.getAll('attr')) {
    const [slug, values] = raw.split(':', 2);
    if (!slug || !values) continue;
    const list = values.split(',').filter(Boolean);
    if (list.length) attributes[slug] = [...new Set([...(attributes[slug] ?? []), ...list])];
  }
  const sort = params.get('sort');
  const size = positiveInt(params.get('size'));
  return {
    search: params.get('q') ?? '',
    attributes,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : null,
    ...parsePriceRange(params.get('price')),
    inStock: params.get('inStock') === '1',
    view: params.get('view') === 'grid' ? 'grid' : 'list',
    pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    page: positiveInt(params.get('page')) ?? 1,
    after: params.get('after'),
    before: params.get('before'),
    last: positiveInt(params.get('last')),
  };
}

export function serializeCatalogParams(state: CatalogParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  for (const slug of Object.keys(state.attributes).sort()) {
    const values = state.attributes[slug];
    if (values?.length) params.append('attr', `${slug}:${values.join(',')}`);
  }
  if (state.priceMin !== null || state.priceMax !== null) {
    params.set('price', `${state.priceMin ?? ''}-${state.priceMax ?? ''}`);
  }
  if (state.inStock) params.set('inStock', '1');
  if (state.sort) params.set('sort', state.sort);
  if (state.view !== 'list') params.set('view', state.view);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(state.pageSize));
  if (state.page > 1) {
    params.set('page', String(state.page));
    if (state.after) params.set('after', state.after);
    if (state.before) params.set('before', state.before);
    if (state.last) params.set('last', String(state.last));
  }
  return params;
}

/** The same state on its first page (after any change of what is shown). */
export function firstPage(state: CatalogParams): CatalogParams {
  return { ...state, page: 1, after: null, before: null, last: null };
}

/** The sort actually used: relevance only makes sense while searching. */
export function effectiveSort(state: CatalogParams, seesPrices = true): SortKey {
  const searching = state.search.trim().length >= MIN_SEARCH_LENGTH;
  if (state.sort === 'relevance' && !searching) return 'name';
  if (state.sort && PRICE_SORTS.includes(state.sort) && !seesPrices) return searching ? 'relevance' : 'name';
  return state.sort ?? (searching ? 'relevance' : 'name');
}

export function hasPriceFilter(state: CatalogParams): boolean {
  return state.priceMin !== null || state.priceMax !== null;
}

export function hasFilters(state: CatalogParams): boolean {
  return (
    state.search !== '' ||
    hasPriceFilter(state) ||
    state.inStock ||
    Object.values(state.attributes).some((values) => values.length > 0)
  );
}

export function setPriceRange(state: CatalogParams, priceMin: string | null, priceMax: string | null): CatalogParams {
  return firstPage({ ...state, priceMin, priceMax });
}

export function toggleAttributeValue(state: CatalogParams, slug: string, value: string): CatalogParams {
  const current = state.attributes[slug] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const attributes = { ...state.attributes };
  if (next.length) attributes[slug] = next;
  else delete attributes[slug];
  return firstPage({ ...state, attributes });
}

/**
 * The `products` query's variables. The price sort and range are sent only for a viewer who
 * sees prices (`seesPrices`): the API refuses them otherwise, and a link shared with someone
 * signed out still shows the products. Likewise the in-stock filter only for a signed-in
 * viewer (`seesStock`).
 */
export function productsVariables(
  state: CatalogParams,
  categoryId: string | null,
  thumbnailSize: number,
  seesPrices = true,
  seesStock = true,
): CatalogProductsQueryVariables {
  const search = state.search.trim();
  const attributes = Object.entries(state.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([slug, values]) => ({ slug, values }));
  const variables: CatalogProductsQueryVariables = {
    filter: {
      ...(search.length >= MIN_SEARCH_LENGTH ? { search } : {}),
      ...(categoryId ? { categories: [categoryId], includeSubcategories: true } : {}),
      ...(attributes.length ? { attributes } : {}),
      ...(seesPrices && state.priceMin !== null ? { priceMin: state.priceMin } : {}),
      ...(seesPrices && state.priceMax !== null ? { priceMax: state.priceMax } : {}),
      ...(seesStock && state.inStock ? { inStockInMyNetwork: true } : {}),
    },
    sortBy: SORTS[effectiveSort(state, seesPrices)],
    thumbnailSize,
  };
  if (state.page > 1 && state.last) {
    variables.last = state.last;
  } else if (state.page > 1 && state.before) {
    variables.last = state.pageSize;
    variables.before = state.before;
  } else {
    variables.first = state.pageSize;
    if (state.page > 1 && state.after) variables.after = state.after;
  }
  return variables;
}

export interface PageCursors {
  startCursor: string | null;
  endCursor: string | null;
}

export function nextPage(state: CatalogParams, cursors: PageCursors): CatalogParams {
  return { ...state, page: state.page + 1, after: cursors.endCursor, before: null, last: null };
}

export function previousPage(state: CatalogParams, cursors: PageCursors): CatalogParams {
  if (state.page <= 2) return firstPage(state);
  return { ...state, page: state.page - 1, after: null, before: cursors.startCursor, last: null };
}

export function lastPage(state: CatalogParams, total: number): CatalogParams {
  const pages = pageCount(total, state.pageSize);
  if (pages <= 1) return firstPage(state);
  const size = total - (pages - 1) * state.pageSize;
  return { ...state, page: pages, after: null, before: null, last: size };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
