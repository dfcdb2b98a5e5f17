import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { StockedVariant } from './AvailabilityLine';
import { availabilityText, availabilityTone } from './availabilityText';
import { useStockShown } from './useStockShown';
import { WarehouseStockTable } from './WarehouseStockTable';
import './stock.css';

/**
 * The product page's stock: the chosen variant's availability per warehouse, following the
 * variant chosen in «Условия заказа». Signed-in viewers only.
 */
export function ProductStock({ chosen }: { chosen: StockedVariant | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useStockShown();
  if (!shown || !chosen) return null;
  return (
    <section aria-labelledby="product-stock" className="product-stock" data-testid="product-stock">
      <h2 id="product-stock">{t('availability.title')}</h2>
      <p className={`availability__text availability__text--${availabilityTone(chosen.availability)}`}>
        <span className="sku">{chosen.sku}</span>: {availabilityText(t, format, chosen.availability, chosen.unit)}
      </p>
      {chosen.stock.length > 0 && (
        <WarehouseStockTable caption={t('availability.tableCaption', { sku: chosen.sku })} stock={chosen.stock} unit={chosen.unit} />
      )}
    </section>
  );
}
