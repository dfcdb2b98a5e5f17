import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, type Location } from 'react-router';
import { useQuery } from 'urql';
import { ProductDetailDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { EmptyState, ErrorState, Skeleton } from '../../ui';
import { ProductAnnouncementsBlock } from '../announcements/AnnouncedProducts';
import { usePageTitle } from '../shell/usePageTitle';
import { CATALOG_LANGUAGE } from './catalogLanguage';
import { usePriceAudience } from '../prices/usePriceAudience';
import { OrderPanel } from './OrderPanel';
import { ProductBadges } from './ProductBadges';
import { ProductGallery } from './ProductGallery';
import type { Product } from './productTypes';
import { valuesText } from './productText';
import { useChosenVariant } from './useChosenVariant';
import { ProductDelivery } from '../stock/ProductDelivery';
import { ProductStock } from '../stock/ProductStock';
import { VariantsTable } from './VariantsTable';
import './catalog.css';
import './product.css';

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
  const [chosen, choose] = useChosenVariant(product.variants);
  const audience = usePriceAudience();

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
          <h1 lang={CATALOG_LANGUAGE}>{product.name}</h1>
          <p className="product-page__type">
            {product.productType.name} <ProductBadges product={product} />
          </p>
          {product.description && <p className="product-page__description">{product.description}</p>}
          <ProductAnnouncementsBlock productId={product.id} />
          <OrderPanel variants={product.variants} chosen={chosen} onChoose={(variant) => choose(variant.sku)} audience={audience} />
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
        </div>
      </div>

      <ProductStock chosen={chosen} />
      <ProductDelivery variants={product.variants} chosenId={chosen?.id} />

      <section
        aria-labelledby="product-variants"
        className={['product-page__variants', product.variants.length ? 'product-page__variants--table' : ''].join(' ')}
      >
        <h2 id="product-variants">
          {t('product.variants', { count: product.variants.length, formatted: format.number(product.variants.length) })}
        </h2>
        {product.variants.length === 0 ? (
          <EmptyState title={t('product.noVariants')} />
        ) : (
          <VariantsTable
            caption={t('product.variantsCaption', { name: product.name })}
            variants={product.variants}
            chosenId={chosen?.id}
          />
        )}
      </section>
    </div>
  );
}
