/** What a pending invitation is for: who invites, where, with which role, for which e-mail, until when. */
import { useTranslation } from 'react-i18next';
import type { InvitationLinkQuery } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';

export type InvitationLinkInfo = InvitationLinkQuery['invitationLink'];

export function InvitationDetails({ link }: { link: InvitationLinkInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const organization = link.organizationName ?? '';
  const role = link.customRoleName ?? (link.role ? t(`roles.${link.role}`) : '—');
  return (
    <section className="net-invitation" aria-label={t('network.accept.detailsLabel')}>
      <p className="net-invitation__lead">
        {link.inviterName
          ? t('network.accept.invites', { inviter: link.inviterName, organization })
          : t('network.accept.invitesNoInviter', { organization })}
      </p>
      <dl className="net-invitation__facts">
        <div>
          <dt>{t('network.accept.organization')}</dt>
          <dd>{organization}</dd>
        </div>
        {link.inviterName && (
          <div>
            <dt>{t('network.accept.inviter')}</dt>
            <dd>{link.inviterName}</dd>
          </div>
        )}
        <div>
          <dt>{t('network.accept.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('network.accept.email')}</dt>
          <dd className="net-invitation__email">{link.email}</dd>
        </div>
        <div>
          <dt>{t('network.accept.expires')}</dt>
          <dd>{format.dateTime(link.expiresAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
