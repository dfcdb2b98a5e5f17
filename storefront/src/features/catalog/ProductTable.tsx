import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CatalogProductsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import { CATALOG_LANGUAGE } from './catalogLanguage';
import { ProductBadges } from './ProductBadges';
import { summarizeVariants } from './productSummary';

type ProductEdge = NonNullable<CatalogProductsQuery['products']['edges'][number]>;
export type CatalogProduct = NonNullable<ProductEdge['node']>;

const column = createColumnHelper<CatalogProduct>();

/** The list view: one row per product, sortable by name on the server. */
export function ProductTable({
  products,
  nameSort,
  onNameSort,
  busy,
}: {
  products: CatalogProduct[];
  /** The current name sorting, if the list is sorted by name. */
  nameSort: 'asc' | 'desc' | null;
  onNameSort: (direction: 'asc' | 'desc') => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();

  const columns = useMemo(
    () => [
      column.display({
        id: 'image',
        header: () => <span className="ui-visually-hidden">{t('catalog.columns.image')}</span>,
        cell: ({ row }) =>
          row.original.thumbnail ? (
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
          ),
        meta: { className: 'product-table__image' },
      }),
      column.accessor('name', {
        id: 'name',
        header: () => t('catalog.columns.name'),
        enableSorting: true,
        cell: ({ row }) => {
          const figures = summarizeVariants(row.original.variants);
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
                {/* On a phone the minimum order moves here, leaving the name the row's width. */}
                {figures.minOrder && (
                  <span className="product-table__min-order">
                    {t('catalog.minOrderFrom', { quantity: format.quantity(figures.minOrder.quantity, figures.minOrder.unit) })}
                  </span>
                )}
              </span>
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
      column.display({
        id: 'flags',
        header: () => <span className="ui-visually-hidden">{t('catalog.columns.flags')}</span>,
        cell: ({ row }) => <ProductBadges product={row.original} />,
        meta: { className: 'ui-col-wide' },
      }),
    ],
    [t, format, location],
  );

  const sorting: SortingState = nameSort ? [{ id: 'name', desc: nameSort === 'desc' }] : [];

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
        if (first) onNameSort(first.desc ? 'desc' : 'asc');
      }}
      busy={busy}
    />
  );
}
