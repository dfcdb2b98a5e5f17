/** Deactivating a member, confirmed in a dialog (the last admin's refusal explained). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../../api/errors';
import { MembershipDeactivateDocument, type MemberRowFragment } from '../../../gql/graphql';
import { Alert, Button, Dialog } from '../../../ui';

export function DeactivateDialog({
  membership,
  onClose,
  onDone,
}: {
  membership: MemberRowFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, deactivate] = useMutation(MembershipDeactivateDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const name = membership.user.fullName || membership.user.email;

  const confirm = async () => {
    setProblem(null);
    const result = await deactivate({ id: membership.id });
    const first = result.data?.membershipDeactivate?.errors[0];
    if (result.error) {
      setProblem(problemOf(result.error));
      return;
    }
    if (first) {
      setProblem({ code: first.code, detail: first.message });
      return;
    }
    onDone();
    onClose();
  };

  return (
    <Dialog
      open
      title={t('network.members.deactivateTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {t('network.members.deactivate')}
          </Button>
        </>
      }
    >
      <p>{t('network.members.deactivateText', { name })}</p>
      {problem && (
        <Alert tone="error" title={problem.code === 'LAST_ADMIN' ? t('network.members.lastAdminTitle') : undefined}>
          {describeProblem(t, problem)}
        </Alert>
      )}
    </Dialog>
  );
}
