import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { EmptyState } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import '../network/network.css';
import { buysFromSeller, stockManagement, type StockManagement } from './access';
import '../../ui/SectionTabs.css';
import './stockScreens.css';

/** The viewer's stock management in the active organization (null: none). */
export function useStockManagement(): StockManagement | null {
  const { me, organization } = useViewer();
  return stockManagement(me, organization?.id);
}

/** Tabs between the warehouses and the leftovers on sale, for those who have both. */
function StockTabs() {
  const { t } = useTranslation();
  return (
    <nav className="section-tabs" aria-label={t('stockAdmin.tabs.label')}>
      <NavLink end to="/stock" className="section-tabs__link">
        {t('stockAdmin.tabs.warehouses')}
      </NavLink>
      <NavLink to="/stock/leftovers" className="section-tabs__link">
        {t('stockAdmin.tabs.leftovers')}
      </NavLink>
    </nav>
  );
}

/**
 * The page frame of a stock screen: the title, tabs for a partner who manages stock, and the
 * check that the viewer has this screen (`allow`: managers only, or buyers too).
 */
export function StockFrame({
  title,
  lead,
  actions,
  allowBuyers = false,
  children,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  allowBuyers?: boolean;
  children: (management: StockManagement | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const management = stockManagement(me, organization?.id);
  usePageTitle(title);
  const allowed = management !== null || (allowBuyers && buysFromSeller(me, organization?.id));
  return (
    <div className="page net-page">
      <div className="net-page__head">
        <div>
          {lead && <p className="net-page__org">{lead}</p>}
          <h1 className="net-page__title">{title}</h1>
        </div>
        {allowed && management?.canEdit && actions && <div className="net-page__actions">{actions}</div>}
      </div>
      {allowed && management?.scope === 'partner' && <StockTabs />}
      {allowed ? (
        children(management)
      ) : (
        <EmptyState title={t('stockAdmin.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t('stockAdmin.denied.text')}</p>
        </EmptyState>
      )}
    </div>
  );
}
