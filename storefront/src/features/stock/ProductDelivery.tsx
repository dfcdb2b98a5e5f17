import { useTranslation } from 'react-i18next';
import { DeliveryCalculator, type CalculatorVariant } from './DeliveryCalculator';
import { useStockShown } from './useStockShown';
import './stock.css';

/** The product page's delivery calculator (signed-in viewers only), starting from the chosen variant. */
export function ProductDelivery({ variants, chosenId }: { variants: CalculatorVariant[]; chosenId: string | undefined }) {
  const { t } = useTranslation();
  const shown = useStockShown();
  if (!shown || variants.length === 0) return null;
  return (
    <section aria-labelledby="product-delivery" className="product-delivery" data-testid="product-delivery">
      <h2 id="product-delivery">{t('delivery.title')}</h2>
      <DeliveryCalculator variants={variants} chosenId={chosenId} />
    </section>
  );
}
