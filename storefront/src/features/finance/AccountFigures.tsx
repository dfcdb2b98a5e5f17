import { useTranslation } from 'react-i18next';
import type { ManagedAccountPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';

/** The account's derived figures (from the ledger, never stored), as a list of terms. */
export function AccountFigures({ account }: { account: ManagedAccountPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: { amount: string; currency: string }) => format.money(value.amount, value.currency);
  const rows: Array<[string, string, string?]> = [
    [t('creditManage.account.figures.available'), money(account.available), 'available'],
    [t('creditManage.account.figures.limit'), money(account.creditLimit)],
    [t('creditManage.account.figures.balance'), money(account.balance)],
    [t('creditManage.account.figures.invoicedOpen'), money(account.invoicedOpen)],
    [t('creditManage.account.figures.openOrders'), money(account.openOrders)],
    [t('creditManage.account.figures.advance'), money(account.advance)],
    [
      t('creditManage.account.figures.overdue'),
      account.overdueDays
        ? `${money(account.overdue)} · ${t('creditManage.account.figures.overdueDays', { days: t('creditManage.days', { count: account.overdueDays, formatted: format.number(account.overdueDays) }) })}`
        : money(account.overdue),
      account.overdueDays ? 'overdue' : undefined,
    ],
    [t('creditManage.account.figures.dueThisWeek'), money(account.dueThisWeek)],
    [t('creditManage.account.figures.lastPayment'), account.lastPaymentOn ? format.date(account.lastPaymentOn) : t('creditManage.account.figures.none')],
  ];
  return (
    <dl className="finance-figures" aria-label={t('creditManage.account.figures.label')}>
      {rows.map(([term, value, mark]) => (
        <div key={term} className={mark ? `finance-figures__item finance-figures__item--${mark}` : 'finance-figures__item'} data-testid={mark === 'available' ? 'account-available' : undefined}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
