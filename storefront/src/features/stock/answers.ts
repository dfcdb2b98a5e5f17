import type { CombinedError } from 'urql';
import type { InventoryErrorPartsFragment } from '../../gql/graphql';

/**
 * The errors a form shows for a stock mutation's answer: the API's refusals, or its failure
 * (not reached, a GraphQL error) as one error with no field.
 */
export function answerErrors(
  error: CombinedError | undefined,
  errors: ReadonlyArray<InventoryErrorPartsFragment> | null | undefined,
): InventoryErrorPartsFragment[] {
  if (error) return [{ field: null, code: 'GRAPHQL_ERROR' as InventoryErrorPartsFragment['code'], message: error.message, skus: null }];
  return [...(errors ?? [])];
}
