import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PriceListUnassignDocument, type PriceAssignmentRowFragment } from '../../../../gql/graphql';
import { Button, Dialog } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { PriceRulesErrors } from '../PriceRulesErrors';
import { useRuleAnswer } from '../useRuleAnswer';
import { useTargetText } from './TargetCell';

/** Confirms removing an assignment: its buyers then get the list the next rule gives them. */
export function UnassignDialog({ assignment, onClose, onDone }: { assignment: PriceAssignmentRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const targetText = useTargetText();
  const [{ fetching }, unassign] = useMutation(PriceListUnassignDocument);
  const answer = useRuleAnswer();
  const confirm = async () => {
    answer.clear();
    const result = await unassign({ id: assignment.id });
    if (!answer.settle(result.error, result.data?.priceListUnassign?.errors)) return;
    onDone();
    onClose();
  };
  return (
    <Dialog
      open
      title={t('prices.admin.assignments.unassignTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {t('prices.admin.assignments.unassignConfirm')}
          </Button>
        </>
      }
    >
      <p>{t('prices.admin.assignments.unassignText', { list: assignment.priceList?.name ?? '—', target: targetText(assignment) })}</p>
      <ProblemAlerts problems={answer.problems} />
      <PriceRulesErrors errors={answer.refusals} />
    </Dialog>
  );
}
