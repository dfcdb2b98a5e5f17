import { Client, createRequest, makeResult, type Operation, type OperationResult } from '@urql/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { makeSubject, pipe, subscribe } from 'wonka';
import { latestAnswerExchange } from './latestAnswer';

const client = new Client({ url: '/graphql/', exchanges: [] });
const request = createRequest(parse('query Cart { cart { id } }'), {});

function query(): Operation {
  return client.createRequestOperation('query', request, { requestPolicy: 'network-only' });
}

describe('latestAnswerExchange', () => {
  it('drops the answer of an earlier request for the same query that arrives after the later one', () => {
    const sent: Operation[] = [];
    const answers = makeSubject<OperationResult>();
    const operations = makeSubject<Operation>();
    const shown: unknown[] = [];
    const exchange = latestAnswerExchange({
      client,
      dispatchDebug: () => undefined,
      forward: (ops$) => {
        pipe(ops$, subscribe((operation) => sent.push(operation)));
        return answers.source;
      },
    });
    pipe(exchange(operations.source), subscribe((result) => shown.push(result.data)));

    operations.next(query());
    operations.next(query());
    const [first, second] = sent as [Operation, Operation];
    answers.next(makeResult(second, { data: { cart: { id: 'after both changes' } } }));
    answers.next(makeResult(first, { data: { cart: { id: 'before the second change' } } }));

    expect(shown).toEqual([{ cart: { id: 'after both changes' } }]);
  });

  it('passes the answer of a single request', () => {
    const answers = makeSubject<OperationResult>();
    const operations = makeSubject<Operation>();
    const shown: unknown[] = [];
    const sent: Operation[] = [];
    const exchange = latestAnswerExchange({
      client,
      dispatchDebug: () => undefined,
      forward: (ops$) => {
        pipe(ops$, subscribe((operation) => sent.push(operation)));
        return answers.source;
      },
    });
    pipe(exchange(operations.source), subscribe((result) => shown.push(result.data)));
    operations.next(query());
    answers.next(makeResult(sent[0]!, { data: { cart: { id: 'c' } } }));
    expect(shown).toEqual([{ cart: { id: 'c' } }]);
  });
});
