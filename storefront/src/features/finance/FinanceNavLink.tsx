import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useViewer } from '../auth/ViewerProvider';
import { canViewFinance } from './access';

/** The main navigation's «Финансы», for a member who may see the organization's invoices. */
export function FinanceNavLink() {
  const { t } = useTranslation();
  const { me, organization } = useViewer();
  const { pathname } = useLocation();
  if (!canViewFinance(me, organization?.id)) return null;
  return (
    <NavLink to="/finance" className={() => (pathname.startsWith('/finance') ? 'shell__nav-link shell__nav-link--finance active' : 'shell__nav-link shell__nav-link--finance')}>
      {t('shell.nav.finance')}
    </NavLink>
  );
}
