/**
 * Of two requests for the same query in flight, only the later one's answer is shown.
 *
 * A mutation's answer re-runs the queries that read what it changed (urql's document cache).
 * Two mutations in quick succession (fixing two rows of an order file, say) re-run the cart
 * twice; under load the first re-run, which read the cart before the second mutation, can
 * arrive last and would show the cart without the second change until the next reload.
 */
import { makeOperation, type Exchange } from '@urql/core';
import { filter, map, pipe } from 'wonka';

export const latestAnswerExchange: Exchange = ({ forward }) => {
  const latest = new Map<number, number>();
  let sent = 0;
  return (operations$) =>
    pipe(
      forward(
        pipe(
          operations$,
          map((operation) => {
            if (operation.kind !== 'query') return operation;
            sent += 1;
            latest.set(operation.key, sent);
            return makeOperation(operation.kind, operation, { ...operation.context, answerOrder: sent });
          }),
        ),
      ),
      filter((result) => {
        const order = result.operation.context.answerOrder;
        return typeof order !== 'number' || latest.get(result.operation.key) === order;
      }),
    );
};
