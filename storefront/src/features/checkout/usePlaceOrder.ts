import { useCallback, useRef, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { OrderPlaceDocument, type OrderPlaceInput, type OrderPlaceMutation } from '../../gql/graphql';

type Answer = NonNullable<OrderPlaceMutation['orderPlace']>;
export type PlacedOrder = NonNullable<Answer['order']>;
export type PlaceError = Answer['errors'][number];
export type PriceChange = Answer['priceChanges'][number];

export type PlaceOutcome =
  | { kind: 'placed'; order: PlacedOrder }
  | { kind: 'pricesChanged'; changes: PriceChange[]; errors: PlaceError[] }
  | { kind: 'refused'; errors: PlaceError[] }
  | { kind: 'failed'; error: CombinedError };

function newKey(): string {
  return crypto.randomUUID();
}

/**
 * orderPlace with one idempotency key per attempt to order this cart: a double tap, a retry
 * after a lost answer, or placing again at the new prices all send the same key, so the API
 * returns the order it made rather than a second one. Only an order coming back ends the
 * attempt (the next order gets a new key).
 */
export function usePlaceOrder() {
  const [, place] = useMutation(OrderPlaceDocument);
  const key = useRef<string | null>(null);
  const running = useRef<Promise<PlaceOutcome> | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(
    (input: Omit<OrderPlaceInput, 'idempotencyKey'>): Promise<PlaceOutcome> => {
      // A second tap while the first is on its way joins it.
      if (running.current) return running.current;
      key.current ??= newKey();
      setBusy(true);
      const request = place({ input: { ...input, idempotencyKey: key.current } })
        .then((result): PlaceOutcome => {
          const answer = result.data?.orderPlace;
          if (!answer) return { kind: 'failed', error: result.error! };
          if (answer.order) {
            key.current = null;
            return { kind: 'placed', order: answer.order };
          }
          if (answer.errors.some((error) => error.code === 'PRICES_CHANGED')) {
            return { kind: 'pricesChanged', changes: answer.priceChanges, errors: answer.errors.filter((e) => e.code !== 'PRICES_CHANGED') };
          }
          return { kind: 'refused', errors: answer.errors };
        })
        .finally(() => {
          running.current = null;
          setBusy(false);
        });
      running.current = request;
      return request;
    },
    [place],
  );

  return { submit, busy, attemptKey: () => key.current };
}
