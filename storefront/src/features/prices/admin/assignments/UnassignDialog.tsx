import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../../../api/errors';
import { PriceListUnassignDocument, type PriceAssignmentRowFragment } from '../../../../gql/graphql';
import { Button, Dialog } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { PriceRulesErrors, type PriceRulesErrorLike as PriceRefusal } from '../PriceRulesErrors';
import { useTargetText } from './TargetCell';

/** Confirms removing an assignment: its buyers then get the list the next rule gives them. */
export function UnassignDialog({ assignment, onClose, onDone }: { assignment: PriceAssignmentRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const targetText = useTargetText();
  const [{ fetching }, unassign] = useMutation(PriceListUnassignDocument);
  const [refusals, setRefusals] = useState<PriceRefusal[]>([]);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const confirm = async () => {
    setRefusals([]);
    setProblems([]);
    const result = await unassign({ id: assignment.id });
    if (result.error) return setProblems([problemOf(result.error)]);
    const errors = result.data?.priceListUnassign?.errors ?? [];
    if (errors.length) return setRefusals(errors);
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
      <ProblemAlerts problems={problems} />
      <PriceRulesErrors errors={refusals} />
    </Dialog>
  );
}
