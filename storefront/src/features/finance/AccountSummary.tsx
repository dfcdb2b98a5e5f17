import { useTranslation } from 'react-i18next';
import type { CreditAccountSummaryQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { isPositive } from './money';

type Account = NonNullable<CreditAccountSummaryQuery['creditAccount']>;

/** The account's figures as CREDIT.md defines them, the overdue one marked when above zero. */
export function AccountSummary({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: { amount: string; currency: string }) => format.money(value.amount, value.currency);
  const overdue = isPositive(account.overdue.amount);
  const terms = account.terms === 'NET' ? t('finance.summary.termsNet', { count: account.netDays, formatted: format.number(account.netDays) }) : t('finance.summary.termsPrepayment');
  return (
    <section className="net-card" aria-labelledby="finance-summary">
      <h2 id="finance-summary">{account.seller ? t('finance.summary.titleWith', { seller: account.seller.name }) : t('finance.summary.title')}</h2>
      <p className="net-muted">{terms}</p>
      <dl className="finance-figures" data-testid="finance-figures">
        <Figure label={t('finance.summary.available')} value={money(account.available)} testId="figure-available" />
        <Figure label={t('finance.summary.limit')} value={money(account.creditLimit)} />
        <Figure label={t('finance.summary.balance')} value={money(account.balance)} />
        <Figure
          label={t('finance.summary.overdue')}
          value={money(account.overdue)}
          alert={overdue}
          note={overdue && account.overdueDays ? t('finance.summary.overdueDays', { count: account.overdueDays, formatted: format.number(account.overdueDays) }) : undefined}
          testId="figure-overdue"
        />
        <Figure label={t('finance.summary.dueThisWeek')} value={money(account.dueThisWeek)} />
        <Figure label={t('finance.summary.openOrders')} value={money(account.openOrders)} />
        <Figure label={t('finance.summary.advance')} value={money(account.advance)} />
        {account.lastPaymentOn && account.lastPaymentAmount && (
          <Figure
            label={t('finance.summary.lastPayment')}
            value={money(account.lastPaymentAmount)}
            note={format.date(account.lastPaymentOn)}
          />
        )}
      </dl>
    </section>
  );
}

function Figure({ label, value, note, alert = false, testId }: { label: string; value: string; note?: string; alert?: boolean; testId?: string }) {
  return (
    <div className={alert ? 'finance-figure finance-figure--alert' : 'finance-figure'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {value}
        {note && <span className="finance-figure__note">{note}</span>}
      </dd>
    </div>
  );
}
