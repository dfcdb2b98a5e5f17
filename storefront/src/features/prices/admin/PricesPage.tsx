import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../../ui';
import { SectionTabs } from '../../../ui/SectionTabs';
import { useViewer } from '../../auth/ViewerProvider';
import { usePageTitle } from '../../shell/usePageTitle';
import '../../network/network.css';
import { priceManagement, priceSections, type PriceManagement, type PriceSectionKey } from './access';

/** The viewer's price management in the active organization (null: none). */
export function usePriceManagement(): PriceManagement | null {
  const { me, organization } = useViewer();
  return priceManagement(me, organization?.id);
}

/** Tabs between the price screens the viewer may open. */
export function PriceTabs() {
  const { t } = useTranslation();
  const sections = priceSections(usePriceManagement());
  if (sections.length < 2) return null;
  return (
    <SectionTabs
      label={t('prices.admin.sections.label')}
      tabs={sections.map((section) => ({ path: section.path, label: t(section.labelKey) }))}
    />
  );
}

/**
 * The page frame of a price screen: the organization whose prices these are, the title,
 * the tabs, and the check that the viewer has this screen. `children` receives the
 * viewer's management (scope, and whether it may edit).
 */
export function PricesPage({
  section,
  title,
  actions,
  children,
}: {
  section: PriceSectionKey;
  title: string;
  actions?: ReactNode;
  children: (management: PriceManagement) => ReactNode;
}) {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const management = usePriceManagement();
  usePageTitle(title);
  const allowed = management !== null && priceSections(management).some((s) => s.key === section);
  return (
    <div className="page net-page">
      <div className="net-page__head">
        <div>
          {organization && management && (
            <p className="net-page__org">
              {management.scope === 'partner'
                ? t('prices.admin.forSubDealers', { organization: organization.name })
                : t('prices.admin.manufacturer')}
            </p>
          )}
          <h1 className="net-page__title">{title}</h1>
        </div>
        {allowed && management?.canEdit && actions && <div className="net-page__actions">{actions}</div>}
      </div>
      {allowed && <PriceTabs />}
      {allowed && management ? (
        children(management)
      ) : (
        <EmptyState title={t('prices.admin.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t('prices.admin.denied.text')}</p>
        </EmptyState>
      )}
    </div>
  );
}

/** `/prices`: the first price screen the viewer has, or the catalog. */
export function PricesHome() {
  const first = priceSections(usePriceManagement())[0];
  return <Navigate to={first ? first.path : '/catalog'} replace />;
}
