/** Why an invitation link cannot be accepted, and what to do instead. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvitationLinkStatus } from '../../../gql/graphql';
import { Alert } from '../../../ui';

type Problem = Exclude<InvitationLinkStatus, 'PENDING'>;

const TONES: Record<Problem, 'info' | 'warning' | 'error'> = {
  ACCEPTED: 'info',
  EXPIRED: 'warning',
  REVOKED: 'warning',
  UNKNOWN: 'error',
  THROTTLED: 'warning',
};

export function InvitationLinkNotice({ status, retryAfter }: { status: Problem; retryAfter?: number | null }) {
  const { t } = useTranslation();
  const minutes = Math.max(1, Math.ceil((retryAfter ?? 60) / 60));
  return (
    <div className="net-dialog-form" data-testid="invitation-notice">
      <Alert tone={TONES[status]} title={t(`network.accept.link.${status}.title`)}>
        {t(`network.accept.link.${status}.text`, { count: minutes })}
      </Alert>
      <p>
        <Link className="net-invitation__action" to="/sign-in">
          {status === 'ACCEPTED' ? t('network.accept.signIn') : t('network.accept.toSignIn')}
        </Link>
      </p>
    </div>
  );
}
