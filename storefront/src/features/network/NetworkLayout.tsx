import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgPerm } from '../../gql/graphql';
import { EmptyState } from '../../ui';
import { SectionTabs } from '../../ui/SectionTabs';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { hasPermission, hasStaffPermission, organizationSections } from './access';
import './network.css';

/** Tabs between the organization's screens the viewer may open. */
export function OrganizationTabs() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const sections = organizationSections(me, organization?.id);
  if (sections.length < 2) return null;
  return (
    <SectionTabs
      label={t('network.sections.label')}
      tabs={sections.map((section) => ({ path: section.path, label: t(section.labelKey) }))}
    />
  );
}

/** The page frame of an organization screen: title, tabs, and the permission check. */
export function NetworkPage({
  title,
  permission,
  staffPermission,
  actions,
  children,
  tabs = true,
}: {
  title: string;
  permission?: OrgPerm;
  staffPermission?: string;
  actions?: ReactNode;
  children: ReactNode;
  tabs?: boolean;
}) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  usePageTitle(title);
  const allowed =
    (permission === undefined || hasPermission(me, organization?.id, permission)) &&
    (staffPermission === undefined || hasStaffPermission(me, staffPermission));
  return (
    <div className="page net-page">
      <div className="net-page__head">
        <div>
          {organization && permission && <p className="net-page__org">{organization.name}</p>}
          <h1 className="net-page__title">{title}</h1>
        </div>
        {allowed && actions && <div className="net-page__actions">{actions}</div>}
      </div>
      {tabs && permission && <OrganizationTabs />}
      {allowed ? (
        children
      ) : (
        <EmptyState title={t('network.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t('network.denied.text')}</p>
        </EmptyState>
      )}
    </div>
  );
}
