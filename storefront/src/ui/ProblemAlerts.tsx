import { useTranslation } from 'react-i18next';
import { describeProblem, type ApiProblem } from '../api/errors';
import { Alert } from './Alert';

/** What went wrong with a form's last submission, one error alert per problem, in words. */
export function ProblemAlerts({ problems }: { problems: ApiProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {problems.map((problem, i) => (
        <Alert key={i} tone="error">
          {describeProblem(t, problem)}
        </Alert>
      ))}
    </>
  );
}
