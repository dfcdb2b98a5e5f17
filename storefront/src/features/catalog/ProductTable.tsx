import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CatalogProductsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import { ProductPrice } from '../prices/ProductPrice';
import type { PriceAudience } from '../prices/usePriceAudience';
import { CATALOG_LANGUAGE } from './catalogLanguage';
import { ProductBadges } from './ProductBadges';
import { summarizeProductPrice } from '../prices/priceView';
import { summarizeVariants } from './productSummary';
import { AvailabilityLine } from '../stock/AvailabilityLine';
import { useStockShown } from '../stock/useStockShown';
import { CartToggle, CatalogAddToCart, useHasCart } from '../cart/CatalogAddToCart';

type ProductEdge = NonNullable<CatalogProductsQuery['products']['edges'][number]>;
export type CatalogProduct = NonNullable<ProductEdge['node']>;

const column = createColumnHelper<CatalogProduct>();

/** Columns the list sorts by on the server from their headers. */
export type SortColumn = 'name' | 'price';

/** The list view: one row per product, sortable by name (and by price, for a partner) on the server. */
export function ProductTable({
  products,
  columnSort,
  onColumnSort,
  busy,
  audience,
}: {
  products: CatalogProduct[];
  /** The current sorting, if the list is sorted by a column's value. */
  columnSort: { column: SortColumn; direction: 'asc' | 'desc' } | null;
  onColumnSort: (column: SortColumn, direction: 'asc' | 'desc') => void;
  busy: boolean;
  /** Who looks: the price column sorts only for a viewer who has prices. */
  audience: PriceAudience;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const stockShown = useStockShown();
  const canOrder = useHasCart();
  // The rows whose order control is open (a closed row is as short as before).
  const [ordering, setOrdering] = useState<ReadonlySet<string>>(() => new Set());
  const toggleOrdering = useCallback(
    (id: string) =>
      setOrdering((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const columns = useMemo(
    () => [
      column.display({
        id: 'image',
        header: () => <span className="ui-visually-hidden">{t('catalog.columns.image')}</span>,
        cell: ({ row }) => (
          <>
            {row.original.thumbnail ? (
            <img
              className="product-thumb"
              src={row.original.thumbnail.url}
              alt=""
              width={48}
              height={48}
              loading="lazy"
              decoding="async"
            />
          ) : (
            <span className="product-thumb product-thumb--empty" aria-hidden />
          )}
            {canOrder && (
              <CartToggle
                name={row.original.name}
                open={ordering.has(row.original.id)}
                onToggle={() => toggleOrdering(row.original.id)}
              />
            )}
          </>
        ),
        meta: { className: 'product-table__image' },
      }),
      column.accessor('name', {
        id: 'name',
        header: () => t('catalog.columns.name'),
        enableSorting: true,
        cell: ({ row }) => {
          const figures = summarizeVariants(row.original.variants);
          const priced = summarizeProductPrice(row.original.priceRange, row.original.variants) !== null;
          const minOrder = figures.minOrder && format.quantity(figures.minOrder.quantity, figures.minOrder.unit);
          return (
            <div className="product-table__name">
              <Link to={`/product/${row.original.slug}`} state={{ from: location }} lang={CATALOG_LANGUAGE}>
                {row.original.name}
              </Link>
              <span className="product-table__meta">
                {figures.firstSku && (
                  <span className="product-table__sku">
                    <span className="sku">{figures.firstSku}</span>
                    {figures.otherSkus > 0 && ` ${t('catalog.moreSkus', { formatted: format.number(figures.otherSkus) })}`}
                  </span>
                )}
                {stockShown && <AvailabilityLine availability={row.original.availability} variants={row.original.variants} />}
                {/* On a phone the price and the minimum order move here, leaving the name the row's
                    width; a price takes the minimum order onto its line («заказ от 12 шт.»). */}
                <span className="product-table__phone-price">
                  <ProductPrice
                    product={row.original}
                    audience={audience}
                    compact
                    after={minOrder && t('product.minFrom', { quantity: minOrder })}
                  />
                </span>
                {minOrder && !priced && (
                  <span className="product-table__min-order">{t('catalog.minOrderFrom', { quantity: minOrder })}</span>
                )}
              </span>
              {ordering.has(row.original.id) && <CatalogAddToCart variants={row.original.variants} compact />}
            </div>
          );
        },
      }),
      column.accessor((product) => product.category.name, {
        id: 'category',
        header: () => t('catalog.columns.category'),
        enableSorting: false,
        meta: { className: 'ui-col-wide' },
      }),
      column.accessor((product) => product.variants.length, {
        id: 'variants',
        header: () => t('catalog.columns.variants'),
        enableSorting: false,
        cell: ({ getValue }) => format.number(getValue()),
        meta: { align: 'end', className: 'ui-col-wide' },
      }),
      column.display({
        id: 'minOrder',
        header: () => t('catalog.columns.minOrder'),
        cell: ({ row }) => {
          const { minOrder } = summarizeVariants(row.original.variants);
          return minOrder ? t('catalog.fromQuantity', { quantity: format.quantity(minOrder.quantity, minOrder.unit) }) : '—';
        },
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
      // Sorted on the server; the accessor only lets the header offer the sorting.
      column.accessor((product) => product.priceRange?.minGross ?? '', {
        id: 'price',
        header: () => t('prices.column'),
        enableSorting: audience === 'partner',
        sortDescFirst: false,
        cell: ({ row }) => <ProductPrice product={row.original} audience={audience} />,
        meta: { align: 'end', className: 'ui-col-wide product-table__price' },
      }),
      column.display({
        id: 'flags',
        header: () => <span className="ui-visually-hidden">{t('catalog.columns.flags')}</span>,
        cell: ({ row }) => <ProductBadges product={row.original} />,
        meta: { className: 'ui-col-wide' },
      }),
    ],
    [t, format, location, audience, stockShown, canOrder, ordering, toggleOrdering],
  );

  const sorting: SortingState = columnSort ? [{ id: columnSort.column, desc: columnSort.direction === 'desc' }] : [];

  return (
    <DataTable
      caption={t('catalog.tableCaption')}
      columns={columns}
      data={products}
      getRowId={(product) => product.id}
      manualSorting
      sorting={sorting}
      onSortingChange={(updater) => {
        const next = typeof updater === 'function' ? updater(sorting) : updater;
        const first = next[0];
        if (first && (first.id === 'name' || first.id === 'price')) onColumnSort(first.id, first.desc ? 'desc' : 'asc');
      }}
      busy={busy}
    />
  );
}
