/** The urql client: POST to /graphql/ through the session's authorizing fetch. */
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import type { Session } from '../features/auth/session';
import { latestAnswerExchange } from './latestAnswer';

export const GRAPHQL_ENDPOINT = '/graphql/';

/**
 * A client for the current session identity. The app makes a new one whenever the user or
 * the active organization changes, so no cached answer crosses from one to the other.
 */
export function createApiClient(session: Session): Client {
  return new Client({
    url: GRAPHQL_ENDPOINT,
    exchanges: [cacheExchange, latestAnswerExchange, fetchExchange],
    fetch: session.fetch,
    preferGetMethod: false,
    requestPolicy: 'cache-first',
  });
}
