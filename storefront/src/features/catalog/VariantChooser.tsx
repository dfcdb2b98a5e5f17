import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { Variant } from './productTypes';
import { shownPrice } from '../prices/priceView';
import { variantLabel } from './productText';

/**
 * The product's variants as cards to pick one from: a radio group (arrow keys move between
 * them), each card with what a buyer compares first, pack size and minimum order.
 */
export function VariantChooser({
  variants,
  chosenId,
  onChoose,
}: {
  variants: Variant[];
  chosenId: string | undefined;
  onChoose: (variant: Variant) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useId();
  return (
    <fieldset className="variant-chooser">
      <legend className="variant-chooser__legend">{t('product.chooseVariant')}</legend>
      <div className="variant-chooser__options">
        {variants.map((variant) => (
          <label key={variant.id} className="variant-option">
            <input
              type="radio"
              className="variant-option__input"
              name={name}
              value={variant.sku}
              checked={variant.id === chosenId}
              onChange={() => onChoose(variant)}
            />
            <span className="variant-option__label">{variantLabel(format, variant)}</span>
            <span className="variant-option__sku sku">{variant.sku}</span>
            <span className="variant-option__figures">
              {t('product.packOf', { quantity: format.quantity(variant.packSize, variant.unit) })}
              {' · '}
              {t('product.minFrom', { quantity: format.quantity(variant.minOrderQuantity, variant.unit) })}
            </span>
            {variant.price && (
              <span className="variant-option__price" data-testid="variant-option-price">
                {format.money(shownPrice(variant.price).amount, variant.price.currency)}
              </span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
