import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ManagedAccountDocument } from '../../gql/graphql';
import { Alert, EmptyState, ErrorState, Skeleton } from '../../ui';
import { AccountAdjustForm } from './AccountAdjustForm';
import { AccountEntries } from './AccountEntries';
import { AccountFigures } from './AccountFigures';
import { AccountPaymentForm } from './AccountPaymentForm';
import { AccountSettingsForm } from './AccountSettingsForm';
import { ManageFrame } from './ManageFrame';

/** `/finance/accounts/:id`: one buyer's credit account on the seller's side. */
export default function AccountManagePage() {
  const { t } = useTranslation();
  return (
    <ManageFrame title={t('creditManage.account.title')}>
      <Account />
    </ManageFrame>
  );
}

function Account() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ManagedAccountDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const node = data?.node;
  const account = node && node.__typename === 'CreditAccount' ? node : null;

  if (!data) {
    return error ? <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <Skeleton height="200px" />;
  }
  if (!account) {
    return (
      <EmptyState title={t('creditManage.account.notFound')} action={<Link to="/finance/receivables">{t('creditManage.account.back')}</Link>}>
        <p />
      </EmptyState>
    );
  }
  const entries = account.entries.edges.flatMap((edge) => (edge?.node ? [edge.node] : []));
  return (
    <div className="finance-account" aria-busy={fetching || undefined}>
      <p className="finance-account__back">
        <Link to="/finance/receivables">← {t('creditManage.account.back')}</Link>
      </p>
      <section className="net-card finance-card" aria-labelledby="account-buyer">
        <h2 id="account-buyer">{account.buyer.name}</h2>
        <p className="net-muted">
          {[account.buyer.inn ? t('creditManage.inn', { inn: account.buyer.inn }) : '', account.seller ? t('creditManage.account.seller', { name: account.seller.name }) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
        <AccountFigures account={account} />
      </section>
      {account.canManage ? (
        <div className="finance-account__forms">
          <AccountSettingsForm account={account} />
          <AccountPaymentForm account={account} />
          <AccountAdjustForm account={account} />
        </div>
      ) : (
        <Alert>{t('creditManage.account.readOnly')}</Alert>
      )}
      <AccountEntries entries={entries} />
    </div>
  );
}
