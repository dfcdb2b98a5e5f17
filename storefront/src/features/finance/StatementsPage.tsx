import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { StatementAccountsDocument, type StatementAccountChoiceFragment } from '../../gql/graphql';
import { EmptyState, ErrorState, SelectField, Skeleton, TextField } from '../../ui';
import { ManageFrame } from './ManageFrame';
import { todayIso, yearStartIso } from './manageDates';
import { StatementCompareUpload } from './StatementCompareUpload';
import { StatementDownloadButtons } from './StatementDownloadButtons';

/**
 * `/finance/statements`: reconciliation statements (акт сверки). A buyer reconciles its own
 * account with its seller; a seller's credit manager any account it manages (`?account=<id>`).
 */
export default function StatementsPage() {
  const { t } = useTranslation();
  return (
    <ManageFrame title={t('creditManage.statements.title')} manage={false}>
      <Statements />
    </ManageFrame>
  );
}

/** The viewer's own account first, then the accounts it manages, each once. */
function accountChoices(own: StatementAccountChoiceFragment | null | undefined, managed: StatementAccountChoiceFragment[]) {
  const all = own ? [own, ...managed] : managed;
  return all.filter((account, i) => all.findIndex((other) => other.id === account.id) === i);
}

function Statements() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [{ data, error }, reexecute] = useQuery({ query: StatementAccountsDocument });
  const [from, setFrom] = useState(yearStartIso);
  const [to, setTo] = useState(todayIso);

  if (!data) return error ? <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <Skeleton height="160px" />;
  const accounts = accountChoices(
    data.creditAccount,
    data.creditAccounts.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])),
  );
  if (accounts.length === 0) {
    return (
      <EmptyState title={t('creditManage.statements.noAccount')}>
        <p />
      </EmptyState>
    );
  }
  const chosen = accounts.find((account) => account.id === params.get('account')) ?? accounts[0]!;
  const periodValid = Boolean(from && to && from <= to);
  const optionLabel = (account: StatementAccountChoiceFragment) =>
    t('creditManage.statements.accountOption', { buyer: account.buyer.name, seller: account.seller?.name ?? '—' });

  return (
    <div className="finance-stack">
      <section className="net-card finance-card" aria-labelledby="statement-period">
        <h2 id="statement-period">{t('creditManage.statements.download.title')}</h2>
        <div className="finance-stack">
          <div className="finance-period">
            {accounts.length > 1 && (
              <SelectField
                label={t('creditManage.statements.account')}
                value={chosen.id}
                onChange={(event) => setParams({ account: event.target.value }, { replace: true })}
                options={accounts.map((account) => ({ value: account.id, label: optionLabel(account) }))}
              />
            )}
            <TextField type="date" label={t('creditManage.statements.from')} value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
            <TextField
              type="date"
              label={t('creditManage.statements.to')}
              value={to}
              min={from}
              onChange={(event) => setTo(event.target.value)}
              error={periodValid ? undefined : t('creditManage.statements.periodInvalid')}
            />
          </div>
          {accounts.length === 1 && <p className="net-muted">{optionLabel(chosen)}</p>}
          <StatementDownloadButtons account={chosen.id} from={from} to={to} disabled={!periodValid} />
        </div>
      </section>
      <section className="net-card finance-card" aria-labelledby="statement-compare">
        <h2 id="statement-compare">{t('creditManage.statements.compare.title')}</h2>
        <p className="net-muted">{t('creditManage.statements.compare.text')}</p>
        <StatementCompareUpload key={`${chosen.id}:${from}:${to}`} account={chosen.id} from={from} to={to} disabled={!periodValid} />
      </section>
    </div>
  );
}
