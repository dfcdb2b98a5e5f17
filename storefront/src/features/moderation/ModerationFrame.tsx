import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { EmptyState } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import '../network/network.css';
import '../orders/orders.css';
import '../../ui/SectionTabs.css';
import './moderation.css';
import { moderationAccess, type ModerationAccess } from './access';

/** Tabs between the queue and the forwarding screen, for a dealer's moderator. */
function ModerationTabs() {
  const { t } = useTranslation();
  return (
    <nav className="section-tabs" aria-label={t('moderation.tabs.label')}>
      <NavLink end to="/moderation" className="section-tabs__link">
        {t('moderation.tabs.queue')}
      </NavLink>
      <NavLink to="/moderation/forward" className="section-tabs__link">
        {t('moderation.tabs.forward')}
      </NavLink>
    </nav>
  );
}

/** The frame of a moderation screen: title, tabs, and the check that the viewer moderates. */
export function ModerationFrame({
  title,
  need = 'moderate',
  children,
}: {
  title: string;
  need?: 'moderate' | 'forward';
  children: (access: ModerationAccess) => ReactNode;
}) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const access = moderationAccess(me, organization?.id);
  usePageTitle(title);
  const allowed = need === 'forward' ? access.canForward : access.canModerate;
  return (
    <div className="page net-page orders-page moderation-page">
      <div className="net-page__head">
        <div>
          {organization && <p className="net-page__org">{organization.name}</p>}
          <h1 className="net-page__title">{title}</h1>
        </div>
      </div>
      {access.canForward && <ModerationTabs />}
      {allowed ? (
        children(access)
      ) : (
        <EmptyState title={t('moderation.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t(need === 'forward' ? 'moderation.denied.forwardText' : 'moderation.denied.text')}</p>
        </EmptyState>
      )}
    </div>
  );
}
