import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { PriceAudience } from '../prices/usePriceAudience';
import { VariantPricePanel } from '../prices/VariantPricePanel';
import type { Variant } from './productTypes';
import { valuesText } from './productText';
import { VariantChooser } from './VariantChooser';
import { CatalogAddToCart } from '../cart/CatalogAddToCart';

/**
 * «Условия заказа»: the variant being ordered, the viewer's price of it (tiers, next tier,
 * promotions), and its pack size, minimum order and step.
 * The quantity and the add-to-cart button will live here too, so everything about ordering
 * follows the one chosen variant.
 */
export function OrderPanel({
  variants,
  chosen,
  onChoose,
  audience,
}: {
  variants: Variant[];
  chosen: Variant | undefined;
  onChoose: (variant: Variant) => void;
  audience: PriceAudience;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!chosen) return null;
  return (
    <section aria-labelledby="product-order-rules" className="order-panel" data-testid="order-panel">
      <h2 id="product-order-rules">{t('product.orderRules.title')}</h2>
      <p className="order-panel__text">{t('product.orderRules.text')}</p>
      {variants.length > 1 && <VariantChooser variants={variants} chosenId={chosen.id} onChoose={onChoose} />}
      <VariantPricePanel variant={chosen} audience={audience} />
      {/* The chosen variant only: the chooser above picks it. */}
      <CatalogAddToCart key={chosen.id} variants={[chosen]} />
      <dl className="properties" data-testid="order-terms">
        <div className="properties__row">
          <dt>{t('product.columns.sku')}</dt>
          <dd className="sku">{chosen.sku}</dd>
        </div>
        {chosen.attributes.map((attribute) => (
          <div key={attribute.attribute.id} className="properties__row">
            <dt>{attribute.attribute.name}</dt>
            <dd>{valuesText(format, attribute)}</dd>
          </div>
        ))}
        <div className="properties__row">
          <dt>{t('product.columns.packSize')}</dt>
          <dd>{format.quantity(chosen.packSize, chosen.unit)}</dd>
        </div>
        <div className="properties__row">
          <dt>{t('product.columns.minOrderQuantity')}</dt>
          <dd>{format.quantity(chosen.minOrderQuantity, chosen.unit)}</dd>
        </div>
        <div className="properties__row">
          <dt>{t('product.columns.orderMultiple')}</dt>
          <dd>{format.quantity(chosen.orderMultiple, chosen.unit)}</dd>
        </div>
        {chosen.weightKg !== null && (
          <div className="properties__row">
            <dt>{t('product.columns.weight')}</dt>
            <dd>{format.quantity(chosen.weightKg, 'KG')}</dd>
          </div>
        )}
        {chosen.volumeM3 !== null && (
          <div className="properties__row">
            <dt>{t('product.orderRules.shippingVolume')}</dt>
            <dd>{format.quantity(chosen.volumeM3, 'M3', 6)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
