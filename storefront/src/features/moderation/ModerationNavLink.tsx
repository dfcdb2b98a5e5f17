import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useViewer } from '../auth/ViewerProvider';
import { moderationAccess } from './access';

/** The main navigation's «Модерация», for the seller's moderators only. */
export function ModerationNavLink() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const { pathname } = useLocation();
  if (!moderationAccess(me, organization?.id).canModerate) return null;
  return (
    <NavLink to="/moderation" className={() => (pathname.startsWith('/moderation') ? 'shell__nav-link active' : 'shell__nav-link')}>
      {t('moderation.nav')}
    </NavLink>
  );
}
