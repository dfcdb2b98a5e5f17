import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, type Location } from 'react-router';
import { useQuery } from 'urql';
import { ProductDetailDocument, type ProductDetailQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable, EmptyState, ErrorState, Skeleton } from '../../ui';
import { usePageTitle } from '../shell/usePageTitle';
import { ProductBadges } from './ProductBadges';
import './catalog.css';

type Product = NonNullable<ProductDetailQuery['product']>;
type Variant = Product['variants'][number];

const column = createColumnHelper<Variant>();

type Format = ReturnType<typeof useFormat>;

function valuesText(
  format: Format,
  attribute: { attribute: { unit: string }; values: { name: string }[] },
): string {
  const text = attribute.values.map((value) => format.valueName(value.name)).join(', ');
  return attribute.attribute.unit ? `${text} ${attribute.attribute.unit}` : text;
}

export default function ProductPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  const [{ data, fetching, error }, retry] = useQuery({ query: ProductDetailDocument, variables: { slug } });
  const product = data?.product;
  usePageTitle(product?.name ?? (fetching ? null : t('product.notFound')));

  const backLink = (
    <Link to={from ? `${from.pathname}${from.search}` : '/catalog'} className="back-link">
      ‹ {from ? t('product.backToResults') : t('product.toCatalog')}
    </Link>
  );

  if (error && !product) {
    return (
      <div className="page">
        {backLink}
        <h1 className="ui-visually-hidden">{t('product.title')}</h1>
        <ErrorState error={error} onRetry={() => retry({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page product-page" aria-busy>
        {backLink}
        <h1 className="ui-visually-hidden">{t('common.loading')}</h1>
        <div className="product-page__layout" aria-hidden>
          <Skeleton className="product-gallery__main" height="auto" />
          <div className="product-page__info">
            <Skeleton width="70%" height="1.8em" />
            <Skeleton width="40%" />
            <Skeleton width="90%" />
          </div>
        </div>
      </div>
    );
  }
  if (!product) {
    return (
      <div className="page">
        {backLink}
        <h1 className="ui-visually-hidden">{t('product.notFound')}</h1>
        <EmptyState title={t('product.notFound')} action={<Link to="/catalog">{t('product.toCatalog')}</Link>}>
          <p>{t('product.notFoundText')}</p>
        </EmptyState>
      </div>
    );
  }
  return <ProductView product={product} backLink={backLink} />;
}

function ProductView({ product, backLink }: { product: Product; backLink: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const crumbs = [...product.category.ancestors, product.category];

  const columns = useMemo(
    () => [
      column.accessor('sku', {
        header: () => t('product.columns.sku'),
        cell: ({ getValue }) => <span className="sku">{getValue()}</span>,
      }),
      column.accessor('name', { header: () => t('product.columns.name') }),
      column.accessor((variant) => variant.attributes.map((a) => valuesText(format, a)).join('; '), {
        id: 'attributes',
        header: () => t('product.columns.attributes'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.attributes.length ? (
            <span className="variant-attributes">
              {row.original.attributes.map((attribute) => (
                <span key={attribute.attribute.id}>
                  <span className="variant-attributes__name">{attribute.attribute.name}:</span>{' '}
                  {valuesText(format, attribute)}
                </span>
              ))}
            </span>
          ) : (
            '—'
          ),
        meta: { className: 'ui-col-wide' },
      }),
      column.accessor('unit', {
        header: () => t('product.columns.unit'),
        cell: ({ getValue }) => format.unit(getValue()),
      }),
      column.accessor((variant) => Number(variant.packSize), {
        id: 'packSize',
        header: () => t('product.columns.packSize'),
        cell: ({ row }) => format.quantity(row.original.packSize, row.original.unit),
        meta: { align: 'end', className: 'ui-nowrap' },
      }),
      column.accessor((variant) => Number(variant.minOrderQuantity), {
        id: 'minOrderQuantity',
        header: () => t('product.columns.minOrderQuantity'),
        cell: ({ row }) => format.quantity(row.original.minOrderQuantity, row.original.unit),
        meta: { align: 'end', className: 'ui-nowrap' },
      }),
      column.accessor((variant) => Number(variant.orderMultiple), {
        id: 'orderMultiple',
        header: () => t('product.columns.orderMultiple'),
        cell: ({ row }) => format.quantity(row.original.orderMultiple, row.original.unit),
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
      column.accessor((variant) => (variant.weightKg === null ? -1 : Number(variant.weightKg)), {
        id: 'weightKg',
        header: () => t('product.columns.weight'),
        cell: ({ row }) =>
          row.original.weightKg === null ? '—' : `${format.number(row.original.weightKg)} ${t('units.KG')}`,
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
      column.accessor((variant) => (variant.volumeM3 === null ? -1 : Number(variant.volumeM3)), {
        id: 'volumeM3',
        header: () => t('product.columns.volume'),
        cell: ({ row }) =>
          row.original.volumeM3 === null ? '—' : `${format.number(row.original.volumeM3, 6)} ${t('units.M3')}`,
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
    ],
    [t, format],
  );

  return (
    <div className="page product-page">
      {backLink}
      <nav aria-label={t('catalog.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/catalog">{t('catalog.title')}</Link>
          </li>
          {crumbs.map((crumb) => (
            <li key={crumb.id}>
              <Link to={`/catalog/${crumb.slug}`}>{crumb.name}</Link>
            </li>
          ))}
        </ol>
      </nav>

      <div className="product-page__layout">
        <ProductGallery product={product} />
        <div className="product-page__info">
          <h1>{product.name}</h1>
          <p className="product-page__type">
            {product.productType.name} <ProductBadges product={product} />
          </p>
          {product.description && <p className="product-page__description">{product.description}</p>}
          {product.attributes.length > 0 && (
            <section aria-labelledby="product-properties">
              <h2 id="product-properties">{t('product.properties')}</h2>
              <dl className="properties">
                {product.attributes.map((attribute) => (
                  <div key={attribute.attribute.id} className="properties__row">
                    <dt>{attribute.attribute.name}</dt>
                    <dd>{valuesText(format, attribute)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <OrderRules variants={product.variants} />
        </div>
      </div>

      <section aria-labelledby="product-variants" className="product-page__variants">
        <h2 id="product-variants">
          {t('product.variants', { count: product.variants.length, formatted: format.number(product.variants.length) })}
        </h2>
        {product.variants.length === 0 ? (
          <EmptyState title={t('product.noVariants')} />
        ) : (
          <DataTable
            caption={t('product.variantsCaption', { name: product.name })}
            columns={columns}
            data={product.variants}
            getRowId={(variant) => variant.id}
          />
        )}
      </section>
    </div>
  );
}

/** A short explanation of pack size, minimum order and steps, for the first variant. */
function OrderRules({ variants }: { variants: Variant[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const variant = variants[0];
  if (!variant) return null;
  return (
    <section aria-labelledby="product-order-rules" className="order-rules">
      <h2 id="product-order-rules">{t('product.orderRules.title')}</h2>
      <p>{t('product.orderRules.text')}</p>
      <dl className="properties">
        <div className="properties__row">
          <dt>{t('product.columns.packSize')}</dt>
          <dd>{format.quantity(variant.packSize, variant.unit)}</dd>
        </div>
        <div className="properties__row">
          <dt>{t('product.columns.minOrderQuantity')}</dt>
          <dd>{format.quantity(variant.minOrderQuantity, variant.unit)}</dd>
        </div>
        <div className="properties__row">
          <dt>{t('product.columns.orderMultiple')}</dt>
          <dd>{format.quantity(variant.orderMultiple, variant.unit)}</dd>
        </div>
      </dl>
      {variants.length > 1 && <p className="catalog__muted">{t('product.orderRules.perVariant', { sku: variant.sku })}</p>}
    </section>
  );
}

function ProductGallery({ product }: { product: Product }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const images = product.images;
  const current = images[Math.min(index, images.length - 1)];
  if (!current) {
    return (
      <div className="product-gallery">
        <div className="product-gallery__main product-gallery__main--empty">{t('product.noImage')}</div>
      </div>
    );
  }
  return (
    <div className="product-gallery">
      <img
        className="product-gallery__main"
        src={current.large.url}
        alt={current.alt || product.name}
        width={512}
        height={512}
      />
      {images.length > 1 && (
        <ul className="product-gallery__thumbs" aria-label={t('product.images')}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={i === index}
                aria-label={t('product.showImage', { number: i + 1 })}
                onClick={() => setIndex(i)}
              >
                <img src={image.small.url} alt="" width={64} height={64} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
