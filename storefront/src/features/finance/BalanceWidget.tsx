import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { CreditBalanceDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useViewer } from '../auth/ViewerProvider';
import { canViewFinance, FINANCE_CONTEXT } from './access';
import { isPositive } from './money';
import './finance.css';

/**
 * The header's balance: what the active organization may still order on credit and, when
 * there is any, what is overdue; a link to /finance. Nothing when the organization has no
 * credit account with its seller (the API answers null) or the viewer may not see invoices.
 * On a phone only the available figure shows (the overdue one turns it red).
 */
export function BalanceWidget() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, organization } = useViewer();
  const allowed = canViewFinance(me, organization?.id);
  const [result] = useQuery({ query: CreditBalanceDocument, pause: !allowed, requestPolicy: 'cache-and-network', context: FINANCE_CONTEXT });
  const account = allowed ? result.data?.creditAccount : null;
  if (!account) return null;

  const available = format.money(account.available.amount, account.available.currency);
  const overdue = isPositive(account.overdue.amount) ? format.money(account.overdue.amount, account.overdue.currency) : null;
  const label = overdue ? t('finance.widget.labelOverdue', { available, overdue }) : t('finance.widget.label', { available });
  return (
    <NavLink
      to="/finance"
      className={overdue ? 'balance-widget balance-widget--overdue' : 'balance-widget'}
      data-testid="balance-widget"
      aria-label={label}
      title={label}
    >
      <span className="balance-widget__figure" aria-hidden>
        <span className="balance-widget__caption">{t('finance.widget.available')}</span>
        <span className="balance-widget__amount" data-testid="balance-available">
          {available}
        </span>
      </span>
      {overdue && (
        <span className="balance-widget__figure balance-widget__figure--overdue" aria-hidden>
          <span className="balance-widget__caption">{t('finance.widget.overdue')}</span>
          <span className="balance-widget__amount" data-testid="balance-overdue">
            {overdue}
          </span>
        </span>
      )}
    </NavLink>
  );
}
