import type { CombinedError } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';

/** What became of a workflow write: done, the order changed under the viewer, or a problem to say. */
export type WorkflowOutcome = { kind: 'done' } | { kind: 'stale' } | { kind: 'problem'; problem: ApiProblem; field: string | null };

/**
 * Reads a workflow mutation's answer. CONCURRENT_CHANGE (the `version` sent is not the order's)
 * is its own outcome: the screen asks for a reload rather than showing the server's sentence.
 */
export function workflowOutcome(
  error: CombinedError | undefined,
  errors: ReadonlyArray<{ field?: string | null; code: string; message: string }> | undefined,
): WorkflowOutcome {
  if (error) return { kind: 'problem', problem: problemOf(error), field: null };
  const [first] = errors ?? [];
  if (!first) return { kind: 'done' };
  if (first.code === 'CONCURRENT_CHANGE') return { kind: 'stale' };
  return { kind: 'problem', problem: { code: first.code, detail: first.message }, field: first.field ?? null };
}
