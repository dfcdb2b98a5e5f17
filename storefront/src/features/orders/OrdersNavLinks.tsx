import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { OrderApprovalsCountDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useViewer } from '../auth/ViewerProvider';
import { ordersAccess } from './access';

/**
 * The main navigation's «Заказы» (VIEW_ORDERS, staff), with the number of orders waiting for
 * the viewer's approval (APPROVE_ORDERS): one link, so the header still fits a 1280 px screen;
 * the orders screens have the approvals queue as a tab.
 */
export function OrdersNavLinks() {
  const { me, organization } = useViewer();
  const { pathname } = useLocation();
  const access = ordersAccess(me, organization?.id);
  if (!access.canView && !access.canApprove) return null;
  const active = pathname.startsWith('/orders') || pathname.startsWith('/approvals');
  return <OrdersNavLink to={access.canView ? '/orders' : '/approvals'} counts={access.canApprove} active={active} />;
}

function OrdersNavLink({ to, counts, active }: { to: string; counts: boolean; active: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result] = useQuery({ query: OrderApprovalsCountDocument, requestPolicy: 'cache-and-network', pause: !counts });
  const waiting = counts ? (result.data?.orderApprovals.totalCount ?? 0) : 0;
  const label = to === '/orders' ? t('orders.nav.orders') : t('orders.nav.approvals');
  return (
    <NavLink
      to={to}
      className={() => (active ? 'shell__nav-link active' : 'shell__nav-link')}
      aria-label={waiting > 0 ? t('orders.nav.approvalsWaiting', { label, count: waiting, formatted: format.number(waiting) }) : undefined}
    >
      {label}
      {waiting > 0 && (
        <span className="shell__nav-count" aria-hidden>
          {format.number(waiting)}
        </span>
      )}
    </NavLink>
  );
}
