/**
 * Approving an application, confirmed: the dialog names the company, where it will be placed
 * (the supplier the API computes with the approval's own rule) and who gets the invitation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../../api/errors';
import { PartnerApplicationApproveDocument, type ApplicationRowFragment } from '../../../gql/graphql';
import { Alert, Button, Dialog } from '../../../ui';
import { applicationNumber } from '../applicationNumber';

export function ApproveDialog({
  application,
  onClose,
  onDone,
}: {
  application: ApplicationRowFragment;
  onClose: () => void;
  /** Called with the created organization's name. */
  onDone: (organization: string) => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, approve] = useMutation(PartnerApplicationApproveDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const { supplier, joinsAs } = application;

  const confirm = async () => {
    setProblem(null);
    const result = await approve({ id: application.id });
    const first = result.data?.partnerApplicationApprove?.errors[0];
    if (result.error) setProblem(problemOf(result.error));
    else if (first) setProblem({ code: first.code, detail: first.message });
    else {
      onDone(result.data?.partnerApplicationApprove?.application?.organization?.name ?? application.companyName);
      onClose();
    }
  };

  return (
    <Dialog
      open
      title={t('network.review.approveTitle', { name: application.companyName })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="primary" onClick={confirm} busy={fetching}>
            {t('network.review.approveSubmit')}
          </Button>
        </>
      }
    >
      <p className="net-muted">{applicationNumber(t, application.number)}</p>
      {supplier && joinsAs ? (
        <p data-testid="approve-placement">
          {t('network.review.approveText', {
            name: application.companyName,
            kind: t(`organizationKind.${joinsAs}`),
            supplier: supplier.name,
          })}
        </p>
      ) : (
        <Alert tone="warning">{t('network.review.noSupplier')}</Alert>
      )}
      <p>{t('network.review.approveInvite', { email: application.email })}</p>
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
    </Dialog>
  );
}
