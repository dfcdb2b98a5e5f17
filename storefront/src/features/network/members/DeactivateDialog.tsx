/**
 * Deactivating a member, confirmed in a dialog. Deactivating oneself is warned about (access
 * ends at once), and afterwards the app leaves the organization; the last admin's refusal,
 * should the API still answer it (another admin left meanwhile), is explained.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../../api/errors';
import { MembershipDeactivateDocument, type MemberRowFragment } from '../../../gql/graphql';
import { Alert, Button, Dialog } from '../../../ui';
import { useSession } from '../../auth/SessionProvider';
import { useViewer } from '../../auth/ViewerProvider';

export function DeactivateDialog({
  membership,
  own = false,
  onClose,
  onDone,
}: {
  membership: MemberRowFragment;
  /** The viewer's own membership. */
  own?: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, deactivate] = useMutation(MembershipDeactivateDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const viewer = useViewer();
  const { session } = useSession();
  const navigate = useNavigate();
  const name = membership.user.fullName || membership.user.email;
  const organization = viewer.organization?.name ?? '';

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
    if (own) {
      // No access to this organization any more: let `me` settle on another one, if any.
      session.setOrganization(null);
      viewer.retry();
      void navigate('/catalog', { replace: true });
      return;
    }
    onDone();
    onClose();
  };

  return (
    <Dialog
      open
      title={own ? t('network.members.deactivateSelfTitle') : t('network.members.deactivateTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {own ? t('network.members.deactivateSelfConfirm') : t('network.members.deactivate')}
          </Button>
        </>
      }
    >
      {own ? (
        <Alert tone="warning" title={t('network.members.deactivateSelfWarning', { organization })}>
          {t('network.members.deactivateSelfText')}
        </Alert>
      ) : (
        <p>{t('network.members.deactivateText', { name })}</p>
      )}
      {problem && (
        <Alert tone="error" title={problem.code === 'LAST_ADMIN' ? t('network.members.lastAdminTitle') : undefined}>
          {describeProblem(t, problem)}
        </Alert>
      )}
    </Dialog>
  );
}
