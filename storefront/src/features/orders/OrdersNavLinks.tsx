import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { OrderApprovalsCountDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useViewer } from '../auth/ViewerProvider';
import { ordersAccess } from './access';

/** The main navigation's «Заказы» (VIEW_ORDERS, staff) and «Согласование» with the waiting count (APPROVE_ORDERS). */
export function OrdersNavLinks() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const { pathname } = useLocation();
  const access = ordersAccess(me, organization?.id);
  return (
    <>
      {access.canView && (
        <NavLink to="/orders" className={() => (pathname.startsWith('/orders') ? 'shell__nav-link active' : 'shell__nav-link')}>
          {t('orders.nav.orders')}
        </NavLink>
      )}
      {access.canApprove && <ApprovalsNavLink active={pathname.startsWith('/approvals')} />}
    </>
  );
}

function ApprovalsNavLink({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result] = useQuery({ query: OrderApprovalsCountDocument, requestPolicy: 'cache-and-network' });
  const waiting = result.data?.orderApprovals.totalCount ?? 0;
  const label = t('orders.nav.approvals');
  return (
    <NavLink
      to="/approvals"
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
