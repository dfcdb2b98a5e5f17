import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { CartLineUpdateDocument, CartLinesRemoveDocument, type CartLinePartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Button } from '../../ui';
import { compareDecimal } from '../prices/decimal';
import { availabilityText, availabilityTone } from '../stock/availabilityText';
import { CheckoutErrors, useCheckoutErrorText } from './CheckoutErrors';
import { validQuantity } from './quantityRules';
import { QuantityStepper } from './QuantityStepper';

/**
 * One cart line: what it is, its quantity (sent when a valid one is committed), its price
 * with the tier and promotion, its availability, and what stops it from being ordered with
 * the one-tap fix the API proposes.
 */
export function CartLineRow({ line }: { line: CartLinePartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useCheckoutErrorText();
  const [text, setText] = useState(() => plain(line.quantity));
  const [update, sendUpdate] = useMutation(CartLineUpdateDocument);
  const [remove, sendRemove] = useMutation(CartLinesRemoveDocument);
  const rules = line.rules;

  const commit = (value: string) => {
    const quantity = validQuantity(rules, value);
    if (quantity === null || compareDecimal(quantity, line.quantity) === 0) return;
    void sendUpdate({ id: line.id, quantity });
  };
  const fix = (quantity: string) => {
    setText(plain(quantity));
    void sendUpdate({ id: line.id, quantity });
  };

  const price = line.price;
  const gross = price?.pricesIncludeVat ?? true;
  const unitPrice = price ? (gross ? price.gross : price.net) : null;
  const listPrice = price ? (gross ? price.listGross : price.listNet) : null;
  const promoted = unitPrice !== null && listPrice !== null && compareDecimal(listPrice, unitPrice) > 0;
  const tone = line.availability ? availabilityTone(line.availability) : null;
  const updateErrors = update.data?.cartLineUpdate?.errors ?? [];

  return (
    <li className={line.problem ? 'cart-line cart-line--problem' : 'cart-line'} data-testid="cart-line" data-sku={line.sku}>
      <div className="cart-line__what">
        <p className="cart-line__name">
          {line.variant ? (
            <Link to={`/product/${line.variant.product.slug}?variant=${encodeURIComponent(line.sku)}`}>
              {line.variant.product.name} · {line.name}
            </Link>
          ) : (
            line.name
          )}
        </p>
        <span className="cart-line__sku sku">{line.sku}</span>
        {line.availability && tone && (
          <p className={`cart-line__availability availability__text availability__text--${tone}`} data-testid="cart-line-availability">
            {availabilityText(t, format, line.availability, line.unit)}
          </p>
        )}
      </div>
      <QuantityStepper
        rules={rules}
        value={text}
        onChange={setText}
        onCommit={commit}
        disabled={update.fetching || remove.fetching}
        label={t('cart.line.quantityOf', { sku: line.sku })}
      />
      <div className="cart-line__price" data-testid="cart-line-price">
        {price && unitPrice !== null ? (
          <>
            <span>
              {promoted && listPrice && (
                <s className="cart-line__list-price" aria-label={t('cart.line.listPrice', { price: format.money(listPrice, price.currency) })}>
                  {format.money(listPrice, price.currency)}
                </s>
              )}
              {t('cart.line.unitPrice', { price: format.money(unitPrice, price.currency), unit: format.unit(line.unit) })}
            </span>
            {price.minQuantity && compareDecimal(price.minQuantity, '1') > 0 && (
              <span className="cart-line__tier">{t('cart.line.tier', { quantity: format.quantity(price.minQuantity, line.unit) })}</span>
            )}
            {price.promotions.map((promotion) => (
              <span key={promotion.id} className="cart-line__promotion">
                {promotion.name}
              </span>
            ))}
            <span className="cart-line__total" data-testid="cart-line-total">
              {format.money(gross ? line.totalGross : line.totalNet, price.currency)}
            </span>
          </>
        ) : (
          <span>{t('cart.line.noPrice')}</span>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="cart-line__remove"
          busy={remove.fetching}
          aria-label={t('cart.line.removeOf', { sku: line.sku })}
          onClick={() => void sendRemove({ ids: [line.id] })}
        >
          {t('cart.line.remove')}
        </Button>
      </div>
      {line.problem && (
        <div className="cart-line__problem" data-testid="cart-line-problem">
          <Alert
            tone="warning"
            action={
              line.problem.nearestQuantity ? (
                <Button size="sm" variant="primary" busy={update.fetching} onClick={() => fix(line.problem!.nearestQuantity!)}>
                  {t('cart.line.fixTo', { quantity: format.quantity(line.problem.nearestQuantity, line.unit) })}
                </Button>
              ) : undefined
            }
          >
            {errorText({ ...line.problem, nearestQuantity: null }, line.unit)}
          </Alert>
        </div>
      )}
      {(updateErrors.length > 0 || update.error || remove.error) && (
        <div className="cart-line__problem">
          <CheckoutErrors errors={updateErrors} error={update.error ?? remove.error} unit={line.unit} />
        </div>
      )}
    </li>
  );
}

/** "12.000" → "12", "0.500" → "0.5": a quantity as a person would type it. */
function plain(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}
