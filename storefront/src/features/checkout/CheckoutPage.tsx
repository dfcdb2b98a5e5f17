import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { CheckoutCartDocument, CheckoutPreviewDocument, type CheckoutCartQuery, type OrderPlaceInput, type OrderType } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Button, Checkbox, EmptyState, ErrorState, SelectField, Spinner, TextArea, TextField } from '../../ui';
import { usePageTitle } from '../shell/usePageTitle';
import { ShipmentPreview } from '../stock/ShipmentPreview';
import { CheckoutLines, CheckoutTotals } from './CheckoutSummary';
import { DeliveryFields, type Destination } from './DeliveryFields';
import { FOR_PARAM, useOrderClient } from './orderBuyer';
import { OrderForClient } from './OrderForClient';
import { OrderPlaced } from './OrderPlaced';
import { PlaceErrors, fieldErrors } from './PlaceErrors';
import { PriceChangesDialog } from './PriceChangesDialog';
import { usePlaceOrder, type PlaceError, type PlacedOrder, type PriceChange } from './usePlaceOrder';
import './checkout.css';

type Cart = CheckoutCartQuery['cart'];

/** `/checkout`: the cart as it will be ordered, where it goes, the totals, and «Оформить заказ». */
export default function CheckoutPage() {
  const { t } = useTranslation();
  usePageTitle(t('checkout.title'));
  const { buyer } = useOrderClient();
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const [cart, refetch] = useQuery({ query: CheckoutCartDocument, variables: { buyer }, requestPolicy: 'cache-and-network', pause: placed !== null });

  if (placed) return <div className="page checkout"><OrderPlaced order={placed} /></div>;
  const data = cart.data?.cart;
  return (
    <div className="page checkout">
      <h1 className="checkout__title">{t('checkout.title')}</h1>
      <OrderForClient clientName={data?.buyer.name} />
      {cart.error && !data ? (
        <ErrorState error={cart.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Spinner label={t('common.loading')} />
      ) : data.lines.length === 0 ? (
        <EmptyState
          title={t('checkout.empty.title')}
          action={
            <Link className="ui-button ui-button--primary ui-button--md" to="/catalog">
              {t('checkout.empty.catalog')}
            </Link>
          }
        >
          {t('checkout.empty.text')}
        </EmptyState>
      ) : (
        <CheckoutForm key={data.buyer.id} cart={data} buyer={buyer} onPlaced={setPlaced} />
      )}
    </div>
  );
}

function orderTypes(cart: Cart): OrderType[] {
  const products = cart.lines.map((line) => line.variant?.product).filter((p) => p !== undefined && p !== null);
  return [
    'REGULAR',
    ...(products.some((p) => p.preorderAllowed) ? (['PREORDER'] as const) : []),
    ...(products.some((p) => p.samplesAvailable) ? (['SAMPLES'] as const) : []),
  ];
}

function CheckoutForm({ cart, buyer, onPlaced }: { cart: Cart; buyer: string | null; onPlaced: (order: PlacedOrder) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const format = useFormat();
  const [destination, setDestination] = useState<Destination>({ method: 'DELIVERY', region: cart.buyer.region, city: '', address: '', pickupWarehouse: '' });
  const [oneShipment, setOneShipment] = useState(false);
  const [orderType, setOrderType] = useState<OrderType>('REGULAR');
  const [comment, setComment] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<PlaceError[]>([]);
  const [changes, setChanges] = useState<PriceChange[] | null>(null);
  const { submit, busy } = usePlaceOrder();
  const errorsRef = useRef<HTMLDivElement>(null);
  const types = orderTypes(cart);

  // The preview covers the lines the buyer may still order (the cart's own, on the server).
  const previewLines = cart.lines.filter((line) => line.variant);
  const pickup = destination.method === 'PICKUP';
  const [preview] = useQuery({
    query: CheckoutPreviewDocument,
    variables: {
      buyer: buyer ?? undefined,
      oneShipment,
      ...(pickup ? { pickupWarehouse: destination.pickupWarehouse } : destination.region && destination.region !== cart.buyer.region ? { address: { region: destination.region } } : {}),
    },
    pause: previewLines.length === 0 || (pickup && !destination.pickupWarehouse),
  });
  const shipments = preview.data?.cart.shipmentPreview;

  useEffect(() => {
    if (errors.length > 0) errorsRef.current?.focus();
  }, [errors]);

  function input(priceToken: string): Omit<OrderPlaceInput, 'idempotencyKey'> {
    return {
      ...(buyer ? { buyer } : {}),
      priceToken,
      orderType,
      deliveryMethod: destination.method,
      ...(pickup
        ? { pickupWarehouse: destination.pickupWarehouse }
        : destination.region
          ? { address: { region: destination.region, city: destination.city.trim() || null, address: destination.address.trim() || null } }
          : {}),
      oneShipment,
      comment: comment.trim(),
      buyerReference: reference.trim(),
    };
  }

  async function place(priceToken: string) {
    const outcome = await submit(input(priceToken));
    if (outcome.kind === 'placed') onPlaced(outcome.order);
    else if (outcome.kind === 'pricesChanged') {
      setErrors(outcome.errors);
      setChanges(outcome.changes);
    } else if (outcome.kind === 'refused') setErrors(outcome.errors);
    else setErrors([{ code: 'GRAPHQL_ERROR', message: outcome.error.message, field: null, skus: null }]);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pickup && !destination.pickupWarehouse) {
      setErrors([{ code: 'REQUIRED', field: 'pickupWarehouse', message: t('checkout.delivery.chooseWarehouse'), skus: null }]);
      return;
    }
    setErrors([]);
    void place(cart.priceToken);
  }

  async function acceptNewPrices() {
    // The new prices are the cart's as it is now: its fresh token confirms them.
    const fresh = await client.query(CheckoutCartDocument, { buyer }, { requestPolicy: 'network-only' }).toPromise();
    const token = fresh.data?.cart.priceToken;
    setChanges(null);
    if (token) void place(token);
    else if (fresh.error) setErrors([{ code: 'GRAPHQL_ERROR', message: fresh.error.message, field: null, skus: null }]);
  }

  const byField = fieldErrors(t, errors);
  return (
    <form className="checkout__layout" onSubmit={onSubmit} noValidate aria-label={t('checkout.title')}>
      <div className="checkout__main">
        <section className="checkout-card" aria-labelledby="checkout-lines-title">
          <h2 id="checkout-lines-title" className="checkout-card__title">
            {t('checkout.lines', { count: cart.lineCount, formatted: format.number(cart.lineCount) })}
          </h2>
          <CheckoutLines cart={cart} />
          <Link to={buyer ? `/cart?${FOR_PARAM}=${encodeURIComponent(buyer)}` : '/cart'}>{t('checkout.editCart')}</Link>
        </section>
        <section className="checkout-card" aria-labelledby="checkout-where-title">
          <h2 id="checkout-where-title" className="checkout-card__title">
            {t('checkout.where')}
          </h2>
          <DeliveryFields value={destination} onChange={setDestination} seller={cart.buyer.parent?.id ?? null} errors={byField} />
          <Checkbox label={t('checkout.oneShipment')} checked={oneShipment} onChange={(event) => setOneShipment(event.target.checked)} />
          <div className="checkout__preview" aria-live="polite">
            {shipments ? (
              <ShipmentPreview preview={shipments} />
            ) : preview.fetching ? (
              <Spinner label={t('delivery.calculating')} />
            ) : null}
          </div>
        </section>
        <section className="checkout-card" aria-labelledby="checkout-details-title">
          <h2 id="checkout-details-title" className="checkout-card__title">
            {t('checkout.details')}
          </h2>
          {types.length > 1 && (
            <SelectField
              label={t('checkout.orderType.label')}
              value={orderType}
              options={types.map((type) => ({ value: type, label: t(`checkout.orderType.${type}`) }))}
              onChange={(event) => setOrderType(event.target.value as OrderType)}
            />
          )}
          <TextField label={t('checkout.reference')} hint={t('checkout.referenceHint')} value={reference} maxLength={100} onChange={(event) => setReference(event.target.value)} />
          <TextArea label={t('checkout.comment')} value={comment} rows={3} maxLength={2000} onChange={(event) => setComment(event.target.value)} />
        </section>
      </div>
      <aside className="checkout__side checkout-card" aria-labelledby="checkout-totals-title">
        <h2 id="checkout-totals-title" className="checkout-card__title">
          {t('checkout.totals.title')}
        </h2>
        <CheckoutTotals cart={cart} delivery={shipments?.deliveryCost ?? null} />
        <div ref={errorsRef} tabIndex={-1} className="checkout__errors">
          <PlaceErrors errors={errors} />
        </div>
        {!cart.canPlace && errors.length === 0 && <Alert tone="warning">{t('checkout.cannotPlace')}</Alert>}
        <Button type="submit" variant="primary" busy={busy} disabled={!cart.canPlace} className="checkout__place" data-testid="place-order">
          {t('checkout.place')}
        </Button>
      </aside>
      <PriceChangesDialog
        changes={changes}
        currency={cart.currency}
        busy={busy}
        onAccept={() => void acceptNewPrices()}
        onBack={() => {
          setChanges(null);
          void navigate(buyer ? `/cart?${FOR_PARAM}=${encodeURIComponent(buyer)}` : '/cart');
        }}
      />
    </form>
  );
}
