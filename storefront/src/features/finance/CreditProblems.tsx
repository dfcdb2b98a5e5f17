import { useTranslation } from 'react-i18next';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { Alert } from '../../ui';

/** Codes whose server message carries what the person needs: the expected columns, the bad row. */
const DETAILED = new Set(['UNKNOWN_LAYOUT', 'ROW_INVALID', 'MAPPING_REQUIRED']);

/** A credit write's refusals, in words; a file's layout or row problem also keeps the server's detail. */
export function CreditProblems({ problems }: { problems: ApiProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {problems.map((problem, i) => (
        <Alert key={i} tone="error">
          {describeProblem(t, problem)}
          {DETAILED.has(problem.code) && problem.detail && <span className="finance-problem-detail"> {problem.detail}</span>}
        </Alert>
      ))}
    </>
  );
}
