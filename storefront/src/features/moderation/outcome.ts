/**
 * A workflow mutation's answer as one outcome: done, the order changed under the viewer
 * (CONCURRENT_CHANGE: the page says «reload» instead of a form's error), or another problem.
 */
import type { CombinedError } from '@urql/core';
import { problemOf, type ApiProblem } from '../../api/errors';

export type Outcome = { ok: true } | { ok: false; stale: boolean; problem: ApiProblem };

export function outcomeOf(error: CombinedError | undefined, errors: ReadonlyArray<{ code: string; message: string }> | undefined): Outcome {
  if (error) return { ok: false, stale: false, problem: problemOf(error) };
  const [first] = errors ?? [];
  if (!first) return { ok: true };
  return { ok: false, stale: first.code === 'CONCURRENT_CHANGE', problem: { code: first.code, detail: first.message } };
}
