import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { EmptyState } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import '../network/network.css';
import '../orders/orders.css';
import '../../ui/SectionTabs.css';
import './financeManage.css';
import { canManageCredit } from './manageAccess';

/** Tabs between the seller's credit screens. */
function ManageTabs() {
  const { t } = useTranslation();
  return (
    <nav className="section-tabs" aria-label={t('creditManage.tabs.label')}>
      <NavLink to="/finance/receivables" className="section-tabs__link">
        {t('creditManage.tabs.receivables')}
      </NavLink>
      <NavLink to="/finance/bank" className="section-tabs__link">
        {t('creditManage.tabs.bank')}
      </NavLink>
      <NavLink to="/finance/statements" className="section-tabs__link">
        {t('creditManage.tabs.statements')}
      </NavLink>
    </nav>
  );
}

/**
 * The frame of a credit screen: title, the seller's tabs, and (with `manage`) the check that the
 * viewer manages credit. The statements page is open to every member (`manage` false): a buyer
 * reconciles its own account there.
 */
export function ManageFrame({ title, manage = true, children }: { title: string; manage?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const allowed = canManageCredit(me, organization?.id);
  usePageTitle(title);
  return (
    <div className="page net-page orders-page finance-manage">
      <div className="net-page__head">
        <div>
          {organization && <p className="net-page__org">{organization.name}</p>}
          <h1 className="net-page__title">{title}</h1>
        </div>
      </div>
      {allowed && <ManageTabs />}
      {allowed || !manage ? (
        children
      ) : (
        <EmptyState title={t('creditManage.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t('creditManage.denied.text')}</p>
        </EmptyState>
      )}
    </div>
  );
}
