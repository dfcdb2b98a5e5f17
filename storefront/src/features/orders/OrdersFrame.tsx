import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { EmptyState } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import '../network/network.css';
import '../../ui/SectionTabs.css';
import { ordersAccess, type OrdersAccess } from './access';
import './orders.css';

/** Tabs between the orders and the approvals queue, for an approver. */
function OrdersTabs() {
  const { t } = useTranslation();
  return (
    <nav className="section-tabs" aria-label={t('orders.tabs.label')}>
      <NavLink end to="/orders" className="section-tabs__link">
        {t('orders.nav.orders')}
      </NavLink>
      <NavLink to="/approvals" className="section-tabs__link">
        {t('orders.nav.approvals')}
      </NavLink>
    </nav>
  );
}

/**
 * The frame of an orders screen: title, tabs for an approver, and the check that the viewer
 * has the screen (`need`: the list for VIEW_ORDERS, the queue for APPROVE_ORDERS).
 */
export function OrdersFrame({
  title,
  need,
  actions,
  children,
}: {
  title: string;
  need: 'view' | 'approve';
  actions?: ReactNode;
  children: (access: OrdersAccess) => ReactNode;
}) {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const access = ordersAccess(me, organization?.id);
  usePageTitle(title);
  const allowed = need === 'view' ? access.canView : access.canApprove;
  return (
    <div className="page net-page orders-page">
      <div className="net-page__head">
        <div>
          {organization && <p className="net-page__org">{organization.name}</p>}
          <h1 className="net-page__title">{title}</h1>
        </div>
        {allowed && actions && <div className="net-page__actions">{actions}</div>}
      </div>
      {access.canApprove && access.canView && <OrdersTabs />}
      {allowed ? (
        children(access)
      ) : (
        <EmptyState title={t('orders.denied.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
          <p>{t(need === 'view' ? 'orders.denied.text' : 'orders.denied.approveText')}</p>
        </EmptyState>
      )}
    </div>
  );
}
