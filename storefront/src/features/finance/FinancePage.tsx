import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CreditAccountSummaryDocument, FinanceInvoicesDocument, type FinanceInvoicesQuery, type InvoiceStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { EmptyState, ErrorState, SelectField, Skeleton } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import '../network/network.css';
import { usePageTitle } from '../shell/usePageTitle';
import { useViewer } from '../auth/ViewerProvider';
import { canViewInvoices, FINANCE_CONTEXT } from './access';
import { AccountSummary } from './AccountSummary';
import { FinanceTabs } from './FinanceTabs';
import { INVOICE_STATUSES, InvoiceStatusBadge, isOpen } from './InvoiceStatusBadge';
import { PayByCardButton } from './PayByCardButton';
import './finance.css';

type Invoice = NonNullable<NonNullable<FinanceInvoicesQuery['invoices']['edges'][number]>['node']>;
const column = createColumnHelper<Invoice>();

/** The `status` filter of the URL: known statuses only (a stale link shows every invoice). */
function statusParam(value: string | null): InvoiceStatus | null {
  return INVOICE_STATUSES.find((status) => status === value) ?? null;
}

/**
 * `/finance`: the active organization's credit account with its seller (the figures), then, for
 * a member who may see invoices (VIEW_INVOICES, MANAGE_PAYMENTS), its invoices in pages, filtered by status (`?status=OVERDUE`), each with its PDF and, when card
 * payments are on and it is open, «Оплатить картой».
 */
export default function FinancePage() {
  const { t } = useTranslation();
  usePageTitle(t('finance.title'));
  const { me, organization } = useViewer();
  const documents = canViewInvoices(me, organization?.id);
  const [summary, reload] = useQuery({ query: CreditAccountSummaryDocument, requestPolicy: 'cache-and-network', context: FINANCE_CONTEXT });
  const account = summary.data?.creditAccount;
  const cards = summary.data?.stripeConfig.enabled ?? false;
  const refreshSummary = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  let head: React.ReactNode;
  if (!summary.data) head = summary.error ? <ErrorState error={summary.error} onRetry={refreshSummary} /> : <Skeleton height="160px" />;
  else if (!account)
    head = (
      <EmptyState title={t('finance.noAccount')}>
        <p>{t('finance.noAccountText')}</p>
      </EmptyState>
    );
  else head = <AccountSummary account={account} />;

  return (
    <div className="page net-page finance-page">
      <div className="net-page__head">
        <h1 className="net-page__title">{t('finance.title')}</h1>
      </div>
      {documents && <FinanceTabs />}
      {head}
      {account && documents && <InvoiceList accountId={account.id} cards={cards} onPaid={refreshSummary} />}
      {account && !documents && <p className="net-muted">{t('finance.invoicesHidden')}</p>}
    </div>
  );
}

/** The account's own invoices (a dealer also sees those it issued to its sub-dealers: not here). */
function InvoiceList({ accountId, cards, onPaid }: { accountId: string; cards: boolean; onPaid: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const status = statusParam(list.params.get('status'));
  const invoices = usePagedQuery(
    list,
    {
      query: FinanceInvoicesDocument,
      variables: { account: accountId, status: status ? [status] : null, ...list.pageArgs },
      requestPolicy: 'cache-and-network',
      context: FINANCE_CONTEXT,
    },
    (data) => data.invoices,
  );
  const refresh = invoices.refresh;
  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: t('finance.invoices.columns.number'),
        cell: ({ row }) => <Link to={`/finance/invoices/${encodeURIComponent(row.original.id)}`}>{row.original.number}</Link>,
      }),
      column.accessor('issuedOn', {
        header: t('finance.invoices.columns.issued'),
        cell: ({ getValue }) => <span className="net-nowrap">{format.date(getValue())}</span>,
      }),
      column.accessor('dueOn', {
        header: t('finance.invoices.columns.due'),
        cell: ({ getValue }) => <span className="net-nowrap">{format.date(getValue())}</span>,
      }),
      column.accessor((row) => row.order?.number ?? '', {
        id: 'order',
        header: t('finance.invoices.columns.order'),
        cell: ({ row }) => (row.original.order ? <Link to={`/orders/${encodeURIComponent(row.original.order.id)}`}>{row.original.order.number}</Link> : '—'),
      }),
      column.accessor((row) => row.totalGross.amount, {
        id: 'total',
        header: t('finance.invoices.columns.total'),
        cell: ({ row }) => <span className="finance-amount">{format.money(row.original.totalGross.amount, row.original.totalGross.currency)}</span>,
      }),
      column.accessor((row) => row.remaining.amount, {
        id: 'remaining',
        header: t('finance.invoices.columns.remaining'),
        cell: ({ row }) => <span className="finance-amount">{format.money(row.original.remaining.amount, row.original.remaining.currency)}</span>,
      }),
      column.accessor('status', {
        header: t('finance.invoices.columns.status'),
        cell: ({ row }) => <InvoiceStatusBadge status={row.original.status} overdueDays={row.original.overdueDays} />,
      }),
      column.display({
        id: 'actions',
        header: t('finance.invoices.columns.actions'),
        cell: ({ row }) => (
          <span className="finance-actions">
            <a
              className="ui-button ui-button--secondary ui-button--sm"
              href={row.original.pdfUrl}
              download
              aria-label={t('finance.invoices.pdfLabel', { number: row.original.number })}
              data-testid="invoice-pdf"
            >
              {t('finance.invoices.pdf')}
            </a>
            {cards && isOpen(row.original.status) && (
              <PayByCardButton
                invoice={row.original}
                onPaid={() => {
                  refresh();
                  onPaid();
                }}
              />
            )}
          </span>
        ),
      }),
    ],
    [t, format, cards, refresh, onPaid],
  );

  return (
    <section className="net-card" aria-labelledby="finance-invoices">
      <h2 id="finance-invoices">
        {invoices.page ? t('finance.invoices.count', { count: invoices.page.total, formatted: format.number(invoices.page.total) }) : t('finance.invoices.title')}
      </h2>
      <div className="finance-toolbar">
        <SelectField
          label={t('finance.invoices.statusFilter')}
          value={status ?? ''}
          onChange={(event) => list.setFilter('status', event.target.value)}
          options={[{ value: '', label: t('finance.invoices.allStatuses') }, ...INVOICE_STATUSES.map((value) => ({ value, label: t(`finance.status.${value}`) }))]}
        />
      </div>
      <PagedList
        list={list}
        result={invoices}
        caption={t('finance.invoices.title')}
        columns={columns}
        pagesLabel={t('finance.invoices.pages')}
        empty={<EmptyState title={status ? t('finance.invoices.emptyFiltered') : t('finance.invoices.empty')} />}
      />
    </section>
  );
}
