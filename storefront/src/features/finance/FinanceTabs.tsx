import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The finance screens' own navigation: the account with its invoices, the payments. */
export function FinanceTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'ui-button ui-button--primary ui-button--sm' : 'ui-button ui-button--secondary ui-button--sm');
  return (
    <nav className="finance-tabs" aria-label={t('finance.tabs.label')}>
      <NavLink to="/finance" end className={tab}>
        {t('finance.tabs.invoices')}
      </NavLink>
      <NavLink to="/finance/payments" className={tab}>
        {t('finance.tabs.payments')}
      </NavLink>
    </nav>
  );
}
