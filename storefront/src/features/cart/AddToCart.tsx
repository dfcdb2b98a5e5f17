import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { CartLinesAddDocument, type CheckoutErrorPartsFragment, type Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button } from '../../ui';
import { CheckoutErrors } from './CheckoutErrors';
import { minimumQuantity, validQuantity, variantRules } from './quantityRules';
import { QuantityStepper } from './QuantityStepper';
import './cart.css';
import { useBuyerArgument } from '../checkout/orderBuyer';

export interface OrderableVariant {
  id: string;
  sku: string;
  unit: Unit;
  minOrderQuantity: string;
  orderMultiple: string;
}

/**
 * A quantity and «В корзину» for one variant: adds it to the cart (a SKU already there adds
 * up), then says what was added with a link to the cart, or why the API refused.
 */
export function AddToCart({ variant, compact = false }: { variant: OrderableVariant; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rules = variantRules(variant);
  const [text, setText] = useState(() => minimumQuantity(rules));
  const [added, setAdded] = useState<string | null>(null);
  const [errors, setErrors] = useState<CheckoutErrorPartsFragment[]>([]);
  const buyer = useBuyerArgument();
  const [state, add] = useMutation(CartLinesAddDocument);
  const quantity = validQuantity(rules, text);

  const submit = async () => {
    if (quantity === null) return;
    setAdded(null);
    const result = await add({ buyer, lines: [{ variant: variant.id, quantity }], source: 'CATALOG' });
    const answer = result.data?.cartLinesAdd;
    setErrors(answer?.errors ?? []);
    if (answer && answer.errors.length === 0) setAdded(quantity);
  };

  return (
    <div className={compact ? 'add-to-cart add-to-cart--compact' : 'add-to-cart'} data-testid="add-to-cart">
      <div className="add-to-cart__row">
        <QuantityStepper
          rules={rules}
          value={text}
          onChange={(value) => {
            setText(value);
            setAdded(null);
          }}
          label={t('cart.add.quantityOf', { sku: variant.sku })}
        />
        <Button
          variant="primary"
          busy={state.fetching}
          disabled={quantity === null}
          onClick={() => void submit()}
          aria-label={t('cart.add.buttonOf', { sku: variant.sku })}
        >
          {t('cart.add.button')}
        </Button>
      </div>
      <div aria-live="polite">
        {added !== null && (
          <p className="add-to-cart__done" data-testid="added-to-cart">
            {t('cart.add.done', { quantity: format.quantity(added, variant.unit), sku: variant.sku })}{' '}
            <Link to="/cart">{t('cart.add.goToCart')}</Link>
          </p>
        )}
      </div>
      <CheckoutErrors errors={errors} error={state.error} unit={variant.unit} />
    </div>
  );
}
