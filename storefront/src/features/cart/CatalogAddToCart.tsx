import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptionalViewer } from '../auth/ViewerProvider';
import { hasCart } from './access';
import { AddToCart, type OrderableVariant } from './AddToCart';
import { useBuyerArgument } from '../checkout/orderBuyer';

/** Whether the viewer has a cart to add to (a member who may place orders). */
export function useHasCart(): boolean {
  const viewer = useOptionalViewer();
  const buyer = useBuyerArgument();
  return Boolean(viewer?.me && (hasCart(viewer.me, viewer.organization?.id) || buyer !== undefined));
}

/**
 * A catalog row's or card's cart button: a 44 px icon beside the picture, so a closed row is no
 * taller than before (the phone's first screen keeps its rows); it opens the order control.
 */
export function CartToggle({ name, open, onToggle }: { name: string; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={open ? 'cart-toggle cart-toggle--open' : 'cart-toggle'}
      aria-expanded={open}
      aria-label={t('cart.add.openOf', { name })}
      data-testid="cart-toggle"
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden focusable="false">
        <path
          d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2M10 20a1 1 0 1 1-2 0 1 1 0 0 1 2 0Zm8 0a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}

/**
 * The order control of a catalog row or card, for a viewer who has a cart: the stepper and
 * «В корзину» for the product's variant, chosen from a list when it has several.
 */
export function CatalogAddToCart({ variants, compact = false }: { variants: OrderableVariant[]; compact?: boolean }) {
  const allowed = useHasCart();
  if (!allowed || variants.length === 0) return null;
  return <VariantAddToCart variants={variants} compact={compact} />;
}

function VariantAddToCart({ variants, compact }: { variants: OrderableVariant[]; compact: boolean }) {
  const { t } = useTranslation();
  const selectId = useId();
  const [chosenId, setChosenId] = useState(variants[0]!.id);
  const chosen = variants.find((variant) => variant.id === chosenId) ?? variants[0]!;
  return (
    <div className="catalog-add-to-cart" data-testid="catalog-add-to-cart">
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
      <AddToCart key={chosen.id} variant={chosen} compact={compact} />
    </div>
  );
}
