import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CatalogCategoriesDocument, CatalogFacetsDocument, CatalogProductsDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { Button, EmptyState, ErrorState, Pagination, SegmentedControl, SelectField, Spinner } from '../../ui';
import { usePageTitle } from '../shell/usePageTitle';
import { AttributeFilters, attributeLabel } from './AttributeFilters';
import { GridIcon, ListIcon, ResultsSkeleton, SidebarSkeleton } from './CatalogPlaceholders';
import {
  effectiveSort,
  firstPage,
  hasFilters,
  hasPriceFilter,
  lastPage,
  MIN_SEARCH_LENGTH,
  nextPage,
  PAGE_SIZES,
  pageCount,
  parseCatalogParams,
  previousPage,
  productsVariables,
  serializeCatalogParams,
  setPriceRange,
  toggleAttributeValue,
  type CatalogParams,
  type CatalogView,
  type SortKey,
} from './catalogParams';
import { buildCategoryTree, pathTo } from './categoryTree';
import { CategoryTree } from './CategoryTree';
import { FiltersPanel } from './FiltersPanel';
import { AnnouncedProducts } from '../announcements/AnnouncedProducts';
import { ProductGrid } from './ProductGrid';
import { ProductTable } from './ProductTable';
import { SearchBox } from './SearchBox';
import { PriceFilter } from '../prices/PriceFilter';
import { seesPrices, usePriceAudience } from '../prices/usePriceAudience';
import { useLatest } from '../../lib/useLatest';
import { InStockChip, InStockFilter } from '../stock/InStockFilter';
import { useStockShown } from '../stock/useStockShown';
import './catalog.css';

/** Set once per page load when the first results are on screen (read by the e2e tests). */
export const RESULTS_MARK = 'catalog:results-visible';
let resultsMarked = false;

/** Below this width the filters are a bottom sheet over the results (as in catalog.css). */
export const SHEET_MEDIA = '(max-width: 900px)';

export default function CatalogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { categorySlug } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseCatalogParams(searchParams), [searchParams]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const asSheet = useMediaQuery(SHEET_MEDIA);
  const audience = usePriceAudience();
  // Price controls are shown to a partner; a price sort or range in the address is sent while
  // `me` is still loading too (nearly every signed-in viewer is a partner), never without prices.
  const pricesShown = seesPrices(audience);
  const pricesAsked = audience === 'partner' || audience === 'pending';
  const stockShown = useStockShown();
  const inStockChosen = stockShown && state.inStock;
  // On a phone the sheet closes once a category is chosen, showing its products.
  useEffect(() => setFiltersOpen(false), [categorySlug]);

  const update = useCallback(
    (next: CatalogParams, replace = false) => setSearchParams(serializeCatalogParams(next), { replace }),
    [setSearchParams],
  );

  const [categoriesResult, retryCategories] = useQuery({ query: CatalogCategoriesDocument });

  const tree = useMemo(
    () =>
      buildCategoryTree(
        categoriesResult.data?.categories.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [],
      ),
    [categoriesResult.data],
  );
  const category = categorySlug ? tree.bySlug.get(categorySlug) : undefined;
  const categoryMissing = Boolean(categorySlug && categoriesResult.data && !category);
  const waitingForCategory = Boolean(categorySlug && !categoriesResult.data);

  const variables = useMemo(
    () => productsVariables(state, category?.id ?? null, state.view === 'grid' ? 256 : 64, pricesAsked, stockShown),
    [state, category, pricesAsked, stockShown],
  );
  const [productsResult, retryProducts] = useQuery({
    query: CatalogProductsDocument,
    variables,
    pause: waitingForCategory || categoryMissing,
  });
  const products = useLatest(productsResult.data?.products);
  const productList = useMemo(
    () => products?.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [],
    [products],
  );
  const stale = productsResult.fetching || productsResult.data?.products !== products;
  const shownIds = useMemo(() => productList.map((product) => product.id), [productList]);

  // Facets: the attributes of the products found, for the same filter as the list.
  const facetsVariables = useMemo(() => ({ filter: variables.filter }), [variables.filter]);
  const [facetsResult, retryFacets] = useQuery({
    query: CatalogFacetsDocument,
    variables: facetsVariables,
    pause: waitingForCategory || categoryMissing,
  });
  const facets = useLatest(facetsResult.data?.productFacets);
  const facetsStale = facetsResult.fetching || facetsResult.data?.productFacets !== facets;

  useEffect(() => {
    if (products && !resultsMarked) {
      resultsMarked = true;
      performance.mark(RESULTS_MARK);
    }
  }, [products]);

  // Turning a page (from the controls under the list) starts reading at the top of the list.
  const [shownPage, setShownPage] = useState(state.page);
  useEffect(() => {
    if (state.page !== shownPage) {
      setShownPage(state.page);
      document.querySelector('.catalog__head')?.scrollIntoView({ block: 'start' });
    }
  }, [state.page, shownPage]);

  const title = category?.name ?? t('catalog.title');
  usePageTitle(title);

  const sort = effectiveSort(state, pricesShown);
  const searching = state.search.trim().length >= MIN_SEARCH_LENGTH;
  const linkSearch = serializeCatalogParams(firstPage(state)).toString();
  const breadcrumbs = pathTo(tree, category?.id);
  const total = products?.totalCount ?? 0;

  const chosenFilters = Object.entries(state.attributes).flatMap(([slug, values]) => {
    const facet = facets?.find((f) => f.attribute.slug === slug);
    return values.map((value) => ({
      slug,
      value,
      label: `${facet ? attributeLabel(facet.attribute, format.unitSymbol) : slug}: ${format.valueName(facet?.values.find((v) => v.value.slug === value)?.value.name ?? value)}`,
    }));
  });

  const priceCurrency =
    productList.flatMap((product) => product.priceRange?.currency ?? product.variants.map((v) => v.price?.currency ?? '')).find(Boolean) ??
    'RUB';
  const priceChip = pricesShown && hasPriceFilter(state) ? priceChipLabel(state.priceMin, state.priceMax) : null;
  function priceChipLabel(min: string | null, max: string | null): string {
    const money = (amount: string) => format.money(amount, priceCurrency);
    if (min !== null && max !== null) return t('prices.filter.chipRange', { min: money(min), max: money(max) });
    if (min !== null) return t('prices.filter.chipMin', { min: money(min) });
    return t('prices.filter.chipMax', { max: money(max ?? '0') });
  }
  const filtersChosen = Object.keys(state.attributes).length > 0 || (pricesShown && hasPriceFilter(state)) || inStockChosen;
  const chosenCount = chosenFilters.length + (priceChip ? 1 : 0) + (inStockChosen ? 1 : 0);

  const resetFilters = () =>
    update(firstPage({ ...state, search: '', attributes: {}, priceMin: null, priceMax: null, inStock: false }));
  const clearAttributes = () => update(firstPage({ ...state, attributes: {}, priceMin: null, priceMax: null, inStock: false }));
  const correction = products?.searchCorrection;

  let results: React.ReactNode;
  if (categoryMissing) {
    results = (
      <EmptyState title={t('catalog.categoryMissing')} action={<Link to="/catalog">{t('catalog.categories.all')}</Link>} />
    );
  } else if (productsResult.error && !products) {
    results = <ErrorState error={productsResult.error} onRetry={() => retryProducts({ requestPolicy: 'network-only' })} />;
  } else if (!products) {
    results = <ResultsSkeleton view={state.view} />;
  } else if (productList.length === 0) {
    results = (
      <EmptyState
        title={searching ? t('catalog.empty.searchTitle', { query: state.search.trim() }) : t('catalog.empty.title')}
        action={
          hasFilters(state) ? (
            <Button onClick={resetFilters}>{t('catalog.filters.reset')}</Button>
          ) : undefined
        }
      >
        <p>{hasFilters(state) ? t('catalog.empty.withFilters') : t('catalog.empty.noProducts')}</p>
      </EmptyState>
    );
  } else if (state.view === 'grid') {
    results = <ProductGrid products={productList} busy={stale} audience={audience} />;
  } else {
    results = (
      <ProductTable
        products={productList}
        busy={stale}
        audience={audience}
        columnSort={
          sort === 'name' || sort === 'price'
            ? { column: sort, direction: 'asc' }
            : sort === '-name' || sort === '-price'
              ? { column: sort === '-name' ? 'name' : 'price', direction: 'desc' }
              : null
        }
        onColumnSort={(column, direction) =>
          update(firstPage({ ...state, sort: direction === 'asc' ? column : `-${column}` }))
        }
      />
    );
  }

  const sortOptions: { value: SortKey; label: string }[] = [
    ...(searching ? [{ value: 'relevance' as const, label: t('catalog.sort.relevance') }] : []),
    { value: 'name', label: t('catalog.sort.nameAsc') },
    { value: '-name', label: t('catalog.sort.nameDesc') },
    { value: '-created', label: t('catalog.sort.newest') },
    { value: '-updated', label: t('catalog.sort.updated') },
    ...(pricesShown
      ? [
          { value: 'price' as const, label: t('prices.sort.asc') },
          { value: '-price' as const, label: t('prices.sort.desc') },
        ]
      : []),
  ];

  return (
    <div className="catalog">

      <div className="catalog__head">
        <nav aria-label={t('catalog.breadcrumbs')} className="breadcrumbs">
          <ol>
            <li>
              {category ? <Link to={{ pathname: '/catalog', search: linkSearch }}>{t('catalog.title')}</Link> : <span aria-current="page">{t('catalog.title')}</span>}
            </li>
            {breadcrumbs.map((node) => (
              <li key={node.id}>
                {node.id === category?.id ? (
                  <span aria-current="page">{node.name}</span>
                ) : (
                  <Link to={{ pathname: `/catalog/${node.slug}`, search: linkSearch }}>{node.name}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <h1>{title}</h1>

        <div className="catalog__toolbar">
          <SearchBox value={state.search} onSearch={(search) => update(firstPage({ ...state, search }), true)} />
          <div className="catalog__controls">
            <Button
              className="catalog__filters-toggle"
              aria-expanded={filtersOpen}
              aria-haspopup="dialog"
              aria-controls="catalog-sidebar"
              onClick={() => setFiltersOpen(true)}
            >
              {t('catalog.filters.toggle')}
              {chosenCount > 0 && ` (${format.number(chosenCount)})`}
            </Button>
            <SelectField
              inline
              label={t('catalog.sort.label')}
              value={sort}
              options={sortOptions}
              onChange={(event) => update(firstPage({ ...state, sort: event.target.value as SortKey }))}
            />
            <SegmentedControl<CatalogView>
              label={t('catalog.view.label')}
              value={state.view}
              onChange={(view) => update({ ...state, view }, true)}
              segments={[
                { value: 'list', label: t('catalog.view.list'), icon: <ListIcon /> },
                { value: 'grid', label: t('catalog.view.grid'), icon: <GridIcon /> },
              ]}
            />
          </div>
        </div>

        {chosenCount > 0 && (
          <ul className="filter-chips" aria-label={t('catalog.filters.active')}>
            {inStockChosen && <InStockChip onRemove={() => update(firstPage({ ...state, inStock: false }))} />}
            {priceChip && (
              <li>
                <button
                  type="button"
                  className="filter-chip"
                  onClick={() => update(setPriceRange(state, null, null))}
                  aria-label={t('catalog.filters.remove', { filter: priceChip })}
                >
                  {priceChip} <span aria-hidden>×</span>
                </button>
              </li>
            )}
            {chosenFilters.map((chip) => (
              <li key={`${chip.slug}:${chip.value}`}>
                <button
                  type="button"
                  className="filter-chip"
                  onClick={() => update(toggleAttributeValue(state, chip.slug, chip.value))}
                  aria-label={t('catalog.filters.remove', { filter: chip.label })}
                >
                  {chip.label} <span aria-hidden>×</span>
                </button>
              </li>
            ))}
          </ul>
        )}

        {/* An unknown category has no count: nothing is loading (the list says it does not exist). */}
        {!categoryMissing && (
          <p className="catalog__count" role="status" data-testid="results-count"
            // For tests: busy until the count answers the search in `data-search`.
            aria-busy={!products || stale}
            data-search={state.search}
          >
            {products
              ? t('catalog.found', { count: total, formatted: format.number(total) })
              : t('common.loading')}
            {products && stale && <Spinner size="sm" label={t('common.updating')} />}
          </p>
        )}
        {correction && !stale && (
          <p className="catalog__correction" data-testid="search-correction">
            {t('catalog.searchCorrected', { query: correction })}
          </p>
        )}
      </div>

      <FiltersPanel
        asSheet={asSheet}
        open={filtersOpen}
        onClose={() => setFiltersOpen(false)}
        total={products ? total : null}
        busy={!products || stale}
        onReset={filtersChosen ? clearAttributes : undefined}
      >
        <section className="catalog__panel">
          <h2 className="catalog__panel-title">{t('catalog.categories.title')}</h2>
          {categoriesResult.error && !categoriesResult.data ? (
            <ErrorState error={categoriesResult.error} onRetry={() => retryCategories({ requestPolicy: 'network-only' })} />
          ) : !categoriesResult.data ? (
            <SidebarSkeleton />
          ) : (
            <CategoryTree tree={tree} selectedId={category?.id ?? null} linkSearch={linkSearch} />
          )}
        </section>
        {!categoryMissing && (
          <section className="catalog__panel">
            <div className="catalog__panel-head">
              <h2 className="catalog__panel-title">{t('catalog.filters.title')}</h2>
              {filtersChosen && (
                <Button size="sm" variant="ghost" onClick={clearAttributes}>
                  {t('catalog.filters.clear')}
                </Button>
              )}
            </div>
            {stockShown && (
              <InStockFilter checked={state.inStock} onChange={(inStock) => update(firstPage({ ...state, inStock }))} />
            )}
            {pricesShown && (
              <PriceFilter
                bounds={{ min: state.priceMin, max: state.priceMax }}
                currency={priceCurrency}
                onApply={({ min, max }) => update(setPriceRange(state, min, max))}
              />
            )}
            {facetsResult.error && !facets ? (
              <ErrorState error={facetsResult.error} onRetry={() => retryFacets({ requestPolicy: 'network-only' })} />
            ) : !facets ? (
              <SidebarSkeleton />
            ) : facets.length === 0 ? (
              <p className="catalog__muted">{t('catalog.filters.nothingToFilter')}</p>
            ) : (
              <AttributeFilters
                facets={facets}
                busy={facetsStale}
                selected={state.attributes}
                onToggle={(slug, value) => update(toggleAttributeValue(state, slug, value))}
              />
            )}
          </section>
        )}
      </FiltersPanel>

      <div className="catalog__main">
        {productsResult.error && products && (
          <ErrorState error={productsResult.error} onRetry={() => retryProducts({ requestPolicy: 'network-only' })} />
        )}

        <div className="catalog__results" data-testid="catalog-results">
          <AnnouncedProducts productIds={shownIds}>{results}</AnnouncedProducts>
        </div>

        {products && total > state.pageSize && (
          <Pagination
            label={t('catalog.pagination')}
            page={state.page}
            pageCount={pageCount(total, state.pageSize)}
            pageSize={state.pageSize}
            pageSizes={[...PAGE_SIZES]}
            total={total}
            hasPrevious={state.page > 1}
            hasNext={state.page < pageCount(total, state.pageSize)}
            onFirst={() => update(firstPage(state))}
            onPrevious={() => update(previousPage(state, products.pageInfo))}
            onNext={() => update(nextPage(state, products.pageInfo))}
            onLast={() => update(lastPage(state, total))}
            onPageSizeChange={(pageSize) => update(firstPage({ ...state, pageSize }))}
          />
        )}
      </div>
    </div>
  );
}
