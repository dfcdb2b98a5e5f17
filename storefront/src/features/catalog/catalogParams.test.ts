import { describe, expect, it } from 'vitest';
import {
  effectiveSort,
  lastPage,
  nextPage,
  parseCatalogParams,
  previousPage,
  productsVariables,
  serializeCatalogParams,
  toggleAttributeValue,
} from './catalogParams';

const parse = (query: string) => parseCatalogParams(new URLSearchParams(query));

describe('catalog state in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(parse('')).toEqual({
      search: '',
      attributes: {},
      sort: null,
      priceMin: null,
      priceMax: null,
      inStock: false,
      view: 'list',
      pageSize: 20,
      page: 1,
      after: null,
      before: null,
      last: null,
    });
  });

  it('keeps «в наличии в моей сети» as inStock=1 and sends it only for a signed-in viewer', () => {
    const state = parse('inStock=1&q=эмаль');
    expect(state.inStock).toBe(true);
    expect(serializeCatalogParams(state).get('inStock')).toBe('1');
    expect(serializeCatalogParams(parse('inStock=yes')).has('inStock')).toBe(false);
    expect(productsVariables(state, null, 64).filter).toEqual({ search: 'эмаль', inStockInMyNetwork: true });
    expect(productsVariables(state, null, 64, true, false).filter).toEqual({ search: 'эмаль' });
  });

  it('round-trips search, filters, sorting, view, size and page', () => {
    const query = 'q=краска+фасадная&attr=osnova:akrilovaia,lateksnaia&attr=tsvet:belyi&sort=-name&view=grid&size=50&page=3&after=YXJyYXk6OTk%3D';
    const state = parse(query);
    expect(state.attributes).toEqual({ osnova: ['akrilovaia', 'lateksnaia'], tsvet: ['belyi'] });
    expect(parse(serializeCatalogParams(state).toString())).toEqual(state);
  });

  it('ignores values it does not know', () => {
    const state = parse('sort=cost&size=7&view=cards&page=-1&attr=broken');
    expect(state).toMatchObject({ sort: null, pageSize: 20, view: 'list', page: 1, attributes: {} });
  });
});

describe('products query variables', () => {
  it('search by relevance while searching, by name otherwise', () => {
    expect(effectiveSort(parse('q=краска'))).toBe('relevance');
    expect(effectiveSort(parse(''))).toBe('name');
    expect(effectiveSort(parse('sort=relevance'))).toBe('name');
    expect(effectiveSort(parse('q=краска&sort=-created'))).toBe('-created');
  });

  it('build the filter from search, category and attributes', () => {
    const variables = productsVariables(parse('q=+эмаль+&attr=blesk:matovaia'), 'Q2F0ZWdvcnk6Mg==', 64);
    expect(variables).toEqual({
      first: 20,
      filter: {
        search: 'эмаль',
        categories: ['Q2F0ZWdvcnk6Mg=='],
        includeSubcategories: true,
        attributes: [{ slug: 'blesk', values: ['matovaia'] }],
      },
      sortBy: { field: 'RELEVANCE', direction: 'DESC' },
      thumbnailSize: 64,
    });
  });

  it('sort by the viewer price both ways, and keep a price range in the URL', () => {
    const state = parse('sort=-price&price=100.50-2000');
    expect(state).toMatchObject({ sort: '-price', priceMin: '100.50', priceMax: '2000' });
    expect(parse(serializeCatalogParams(state).toString())).toEqual(state);
    expect(parse('price=-500')).toMatchObject({ priceMin: null, priceMax: '500' });
    expect(parse('price=abc-1e3')).toMatchObject({ priceMin: null, priceMax: null });
    expect(productsVariables(state, null, 64)).toMatchObject({
      filter: { priceMin: '100.50', priceMax: '2000' },
      sortBy: { field: 'PRICE', direction: 'DESC' },
    });
    expect(productsVariables(parse('sort=price'), null, 64).sortBy).toEqual({ field: 'PRICE', direction: 'ASC' });
  });

  it('send no price sort or range for a viewer without prices (the API refuses them)', () => {
    const variables = productsVariables(parse('sort=price&price=100-200&q=эмаль'), null, 64, false);
    expect(variables.filter).toEqual({ search: 'эмаль' });
    expect(variables.sortBy).toEqual({ field: 'RELEVANCE', direction: 'DESC' });
    expect(productsVariables(parse('sort=-price'), null, 64, false).sortBy).toEqual({ field: 'NAME', direction: 'ASC' });
  });

  it('leave out a search shorter than two characters', () => {
    expect(productsVariables(parse('q=к'), null, 64).filter).toEqual({});
  });
});

describe('paging through a cursor connection', () => {
  const cursors = { startCursor: 'start', endCursor: 'end' };

  it('goes forward after the end cursor', () => {
    const page2 = nextPage(parse(''), cursors);
    expect(page2).toMatchObject({ page: 2, after: 'end', before: null });
    expect(productsVariables(page2, null, 64)).toMatchObject({ first: 20, after: 'end' });
  });

  it('goes back before the start cursor, and to the plain first page from page 2', () => {
    const page2 = previousPage(parse('page=3&after=x'), cursors);
    expect(page2).toMatchObject({ page: 2, before: 'start', after: null });
    expect(productsVariables(page2, null, 64)).toMatchObject({ last: 20, before: 'start' });
    expect(previousPage(parse('page=2&after=x'), cursors)).toMatchObject({ page: 1, after: null, before: null });
  });

  it('asks for exactly the remainder on the last page', () => {
    const last = lastPage(parse(''), 68);
    expect(last).toMatchObject({ page: 4, last: 8 });
    expect(productsVariables(last, null, 64)).toMatchObject({ last: 8 });
    expect(lastPage(parse(''), 15)).toMatchObject({ page: 1, last: null });
  });

  it('starts from the first page when a filter changes', () => {
    const state = toggleAttributeValue(parse('page=3&after=x'), 'osnova', 'akrilovaia');
    expect(state).toMatchObject({ page: 1, after: null, attributes: { osnova: ['akrilovaia'] } });
    expect(toggleAttributeValue(state, 'osnova', 'akrilovaia').attributes).toEqual({});
  });
});
