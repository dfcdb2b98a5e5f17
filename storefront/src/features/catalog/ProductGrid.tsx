import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { CATALOG_LANGUAGE } from './catalogLanguage';
import { ProductPrice } from '../prices/ProductPrice';
import type { PriceAudience } from '../prices/usePriceAudience';
import { ProductBadges } from './ProductBadges';
import type { CatalogProduct } from './ProductTable';
import { summarizeVariants } from './productSummary';
import { AvailabilityLine } from '../stock/AvailabilityLine';
import { useStockShown } from '../stock/useStockShown';
import { CartToggle, CatalogAddToCart, useHasCart } from '../cart/CatalogAddToCart';

/** The grid view: a card with a large picture per product. */
export function ProductGrid({
  products,
  busy,
  audience,
}: {
  products: CatalogProduct[];
  busy: boolean;
  audience: PriceAudience;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const stockShown = useStockShown();
  const canOrder = useHasCart();
  const [ordering, setOrdering] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOrdering((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <ul className={['product-grid', busy ? 'product-grid--busy' : ''].join(' ')} aria-busy={busy || undefined}>
      {products.map((product) => {
        const figures = summarizeVariants(product.variants);
        return (
          <li key={product.id} className="product-card">
            <div className="product-card__image">
              {product.thumbnail ? (
                <img src={product.thumbnail.url} alt="" width={256} height={256} loading="lazy" decoding="async" />
              ) : (
                <span className="product-card__no-image" aria-hidden />
              )}
              {canOrder && <CartToggle name={product.name} open={ordering.has(product.id)} onToggle={() => toggle(product.id)} />}
            </div>
            <div className="product-card__body">
              <h3 className="product-card__name" lang={CATALOG_LANGUAGE}>
                <Link to={`/product/${product.slug}`} state={{ from: location }} className="product-card__link">
                  {product.name}
                </Link>
              </h3>
              {figures.firstSku && (
                <p className="product-card__sku">
                  <span className="sku">{figures.firstSku}</span>
                  {figures.otherSkus > 0 && ` ${t('catalog.moreSkus', { formatted: format.number(figures.otherSkus) })}`}
                </p>
              )}
              <p className="product-card__meta">
                {figures.minOrder &&
                  t('catalog.minOrderFrom', { quantity: format.quantity(figures.minOrder.quantity, figures.minOrder.unit) })}
              </p>
              <ProductPrice product={product} audience={audience} />
              {stockShown && <AvailabilityLine availability={product.availability} variants={product.variants} />}
              <ProductBadges product={product} />
              {ordering.has(product.id) && <CatalogAddToCart variants={product.variants} compact />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
