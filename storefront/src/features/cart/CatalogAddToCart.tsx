import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptionalViewer } from '../auth/ViewerProvider';
import { hasCart } from './access';
import { AddToCart, type OrderableVariant } from './AddToCart';

/**
 * A catalog row's or card's order control, for a viewer who has a cart: the stepper and
 * «В корзину» for the product's variant, chosen from a list when it has several.
 */
export function CatalogAddToCart({ variants }: { variants: OrderableVariant[] }) {
  const viewer = useOptionalViewer();
  if (!viewer?.me || !hasCart(viewer.me, viewer.organization?.id) || variants.length === 0) return null;
  return <VariantAddToCart variants={variants} />;
}

function VariantAddToCart({ variants }: { variants: OrderableVariant[] }) {
  const { t } = useTranslation();
  const selectId = useId();
  const [chosenId, setChosenId] = useState(variants[0]!.id);
  const chosen = variants.find((variant) => variant.id === chosenId) ?? variants[0]!;
  return (
    <div className="catalog-add-to-cart">
      {variants.length > 1 && (
        <>
          <label htmlFor={selectId} className="ui-visually-hidden">
            {t('cart.add.variant')}
          </label>
          <select
            id={selectId}
            className="ui-select add-to-cart__variant"
            value={chosen.id}
            onChange={(event) => setChosenId(event.target.value)}
          >
            {variants.map((variant) => (
              <option key={variant.id} value={variant.id}>
                {variant.sku}
              </option>
            ))}
          </select>
        </>
      )}
      {/* A new variant starts from its own minimum: the key renews the stepper. */}
      <AddToCart key={chosen.id} variant={chosen} compact />
    </div>
  );
}
