import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CreditBalanceDocument, FinancePaymentsDocument, type FinancePaymentsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { EmptyState, ErrorState, Skeleton } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import '../network/network.css';
import { usePageTitle } from '../shell/usePageTitle';
import { FINANCE_CONTEXT } from './access';
import { FinanceTabs } from './FinanceTabs';
import './finance.css';

type Payment = NonNullable<NonNullable<FinancePaymentsQuery['payments']['edges'][number]>['node']>;
const column = createColumnHelper<Payment>();

/**
 * `/finance/payments`: the payments on the organization's account with its seller (the header's
 * account, already loaded), newest first as the API orders them, in pages.
 */
export default function PaymentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('finance.payments.title'));
  const [balance, reload] = useQuery({ query: CreditBalanceDocument, requestPolicy: 'cache-and-network', context: FINANCE_CONTEXT });
  const account = balance.data?.creditAccount;
  let body: React.ReactNode;
  if (!balance.data) body = balance.error ? <ErrorState error={balance.error} onRetry={() => reload({ requestPolicy: 'network-only' })} /> : <Skeleton height="160px" />;
  else if (!account) body = <EmptyState title={t('finance.noAccount')} />;
  else body = <PaymentList accountId={account.id} />;
  return (
    <div className="page net-page finance-page">
      <div className="net-page__head">
        <h1 className="net-page__title">{t('finance.title')}</h1>
      </div>
      <FinanceTabs />
      {body}
    </div>
  );
}

function PaymentList({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const payments = usePagedQuery(
    list,
    { query: FinancePaymentsDocument, variables: { account: accountId, ...list.pageArgs }, requestPolicy: 'cache-and-network', context: FINANCE_CONTEXT },
    (data) => data.payments,
  );
  const columns = useMemo(() => {
    const money = (value: { amount: string; currency: string }) => <span className="finance-amount">{format.money(value.amount, value.currency)}</span>;
    return [
      column.accessor('receivedOn', {
        header: t('finance.payments.columns.date'),
        cell: ({ getValue }) => <span className="net-nowrap">{format.date(getValue())}</span>,
      }),
      column.accessor('method', {
        header: t('finance.payments.columns.method'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <span>{t(`finance.method.${row.original.method}`)}</span>
            {row.original.reference && <span className="net-muted">{row.original.reference}</span>}
          </span>
        ),
      }),
      column.accessor((row) => row.amount.amount, { id: 'amount', header: t('finance.payments.columns.amount'), cell: ({ row }) => money(row.original.amount) }),
      column.accessor((row) => row.allocated.amount, { id: 'allocated', header: t('finance.payments.columns.allocated'), cell: ({ row }) => money(row.original.allocated) }),
      column.accessor((row) => row.advance.amount, { id: 'advance', header: t('finance.payments.columns.advance'), cell: ({ row }) => money(row.original.advance) }),
      column.accessor((row) => row.invoice?.number ?? '', {
        id: 'invoice',
        header: t('finance.payments.columns.invoice'),
        cell: ({ row }) =>
          row.original.invoice ? <Link to={`/finance/invoices/${encodeURIComponent(row.original.invoice.id)}`}>{row.original.invoice.number}</Link> : '—',
      }),
    ];
  }, [t, format]);

  return (
    <section className="net-card" aria-labelledby="finance-payments">
      <h2 id="finance-payments">
        {payments.page ? t('finance.payments.count', { count: payments.page.total, formatted: format.number(payments.page.total) }) : t('finance.payments.title')}
      </h2>
      <PagedList
        list={list}
        result={payments}
        caption={t('finance.payments.title')}
        columns={columns}
        pagesLabel={t('finance.payments.pages')}
        empty={<EmptyState title={t('finance.payments.empty')} />}
      />
    </section>
  );
}
