import { useState } from 'react';
import type { CombinedError } from 'urql';
import { problemOf, type ApiProblem } from '../../../api/errors';
import type { PriceRulesErrorLike } from './PriceRulesErrors';

/**
 * What a price rules mutation answered, as a screen shows it: `problems` when the API was not
 * reached or failed (ProblemAlerts), `refusals` when it refused (PriceRulesErrors).
 */
export function useRuleAnswer() {
  const [refusals, setRefusals] = useState<PriceRulesErrorLike[]>([]);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  return {
    refusals,
    problems,
    /** Before sending again: the last answer's alerts go. */
    clear: () => {
      setRefusals([]);
      setProblems([]);
    },
    clearRefusals: () => setRefusals([]),
    /** Shows what went wrong with an answer; true when the mutation was done. */
    settle: (error: CombinedError | undefined, errors: ReadonlyArray<PriceRulesErrorLike> | null | undefined): boolean => {
      if (error) {
        setProblems([problemOf(error)]);
        return false;
      }
      if (errors && errors.length > 0) {
        setRefusals([...errors]);
        return false;
      }
      return true;
    },
  };
}
