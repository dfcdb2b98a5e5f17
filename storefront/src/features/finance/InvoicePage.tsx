import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { FinanceInvoiceDocument, type FinanceInvoiceQuery, type Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { EmptyState, ErrorState, Skeleton } from '../../ui';
import '../network/network.css';
import { usePageTitle } from '../shell/usePageTitle';
import { useViewer } from '../auth/ViewerProvider';
import { FINANCE_CONTEXT } from './access';
import { InvoiceStatusBadge, isOpen } from './InvoiceStatusBadge';
import { PayByCardButton } from './PayByCardButton';
import './finance.css';

type Invoice = Extract<NonNullable<FinanceInvoiceQuery['node']>, { number: string }>;
type Money = { amount: string; currency: string };

/** `node(id:)` answers any type; an id of something else is «not found». */
function isInvoice(node: NonNullable<FinanceInvoiceQuery['node']>): node is Invoice {
  return 'number' in node && 'lines' in node;
}

/**
 * `/finance/invoices/:id`: one invoice: its facts, lines, totals, the payments allocated to it,
 * its card payments, the PDF and, when card payments are on and it is open, «Оплатить картой».
 */
export default function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: FinanceInvoiceDocument, variables: { id }, requestPolicy: 'cache-and-network', context: FINANCE_CONTEXT });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const node = result.data?.node;
  const invoice = node && isInvoice(node) ? node : null;
  usePageTitle(invoice ? t('finance.invoice.title', { number: invoice.number }) : t('finance.title'));

  let body: React.ReactNode;
  if (!result.data) body = result.error ? <ErrorState error={result.error} onRetry={refresh} /> : <Skeleton height="240px" />;
  else if (!invoice)
    body = (
      <EmptyState title={t('finance.invoice.notFound')}>
        <p>
          <Link to="/finance">{t('finance.invoice.back')}</Link>
        </p>
      </EmptyState>
    );
  else body = <InvoiceDetails invoice={invoice} cards={result.data.stripeConfig.enabled} onPaid={refresh} />;

  return (
    <div className="page net-page finance-page">
      <p>
        <Link to="/finance">{t('finance.invoice.back')}</Link>
      </p>
      {body}
    </div>
  );
}

function InvoiceDetails({ invoice, cards, onPaid }: { invoice: Invoice; cards: boolean; onPaid: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { organization } = useViewer();
  const money = (value: Money) => format.money(value.amount, value.currency);
  // Only the buyer pays: a dealer also opens the invoices it issued to its sub-dealers.
  const payable = cards && isOpen(invoice.status) && invoice.buyer.id === organization?.id;
  return (
    <>
      <div className="net-page__head">
        <h1 className="net-page__title">{t('finance.invoice.title', { number: invoice.number })}</h1>
        <InvoiceStatusBadge status={invoice.status} overdueDays={invoice.overdueDays} />
      </div>
      <section className="net-card" aria-labelledby="invoice-facts">
        <h2 id="invoice-facts" className="ui-visually-hidden">
          {t('finance.invoice.facts')}
        </h2>
        <dl className="finance-meta">
          <Meta label={t('finance.invoice.issued')} value={format.date(invoice.issuedOn)} />
          <Meta label={t('finance.invoice.due')} value={format.date(invoice.dueOn)} />
          {invoice.seller && <Meta label={t('finance.invoice.seller')} value={invoice.seller.name} />}
          <Meta label={t('finance.invoice.buyer')} value={invoice.buyer.name} />
          {invoice.order && (
            <Meta label={t('finance.invoice.order')} value={<Link to={`/orders/${encodeURIComponent(invoice.order.id)}`}>{invoice.order.number}</Link>} />
          )}
          {invoice.paidAt && <Meta label={t('finance.invoice.paidAt')} value={format.dateTime(invoice.paidAt)} />}
        </dl>
        <div className="finance-actions finance-actions--below">
          <a className="ui-button ui-button--secondary" href={invoice.pdfUrl} download data-testid="invoice-pdf">
            {t('finance.invoices.pdf')}
          </a>
          {payable && <PayByCardButton invoice={invoice} onPaid={onPaid} size="md" />}
        </div>
      </section>

      <section className="net-card" aria-labelledby="invoice-lines">
        <h2 id="invoice-lines">{t('finance.invoice.lines', { count: invoice.lines.length, formatted: format.number(invoice.lines.length) })}</h2>
        <div className="ui-table-wrap">
          <table className="ui-table ui-table--stack">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('finance.invoice.columns.item')}</th>
                <th scope="col">{t('finance.invoice.columns.quantity')}</th>
                <th scope="col">{t('finance.invoice.columns.price')}</th>
                <th scope="col">{t('finance.invoice.columns.net')}</th>
                <th scope="col">{t('finance.invoice.columns.gross')}</th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.position}>
                  <td data-label="№">{format.number(line.position)}</td>
                  <td data-label={t('finance.invoice.columns.item')}>
                    <span className="net-cell-stack">
                      <span>{line.name}</span>
                      <span className="net-muted">{line.sku}</span>
                    </span>
                  </td>
                  <td data-label={t('finance.invoice.columns.quantity')} className="finance-amount">
                    {lineQuantity(format, line.quantity, line.unit)}
                  </td>
                  <td data-label={t('finance.invoice.columns.price')} className="finance-amount">
                    {money(line.unitPriceNet)}
                  </td>
                  <td data-label={t('finance.invoice.columns.net')} className="finance-amount">
                    {money(line.totalNet)}
                  </td>
                  <td data-label={t('finance.invoice.columns.gross')} className="finance-amount">
                    {money(line.totalGross)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="finance-totals" data-testid="invoice-totals">
          <dt>{t('finance.invoice.totalNet')}</dt>
          <dd>{money(invoice.totalNet)}</dd>
          <dt>{t('finance.invoice.totalVat', { rate: format.percent(invoice.vatRate) })}</dt>
          <dd>{money(invoice.totalVat)}</dd>
          <dt>{t('finance.invoice.paid')}</dt>
          <dd>{money(invoice.paid)}</dd>
          <dt>{t('finance.invoice.totalGross')}</dt>
          <dd>{money(invoice.totalGross)}</dd>
          <dt>{t('finance.invoice.remaining')}</dt>
          <dd data-testid="invoice-remaining">{money(invoice.remaining)}</dd>
        </dl>
      </section>

      <section className="net-card" aria-labelledby="invoice-payments">
        <h2 id="invoice-payments">{t('finance.invoice.payments')}</h2>
        {invoice.allocations.length === 0 && invoice.cardPayments.length === 0 ? (
          <p className="net-muted">{t('finance.invoice.noPayments')}</p>
        ) : (
          <ul className="finance-payments" data-testid="invoice-allocations">
            {invoice.allocations.map((allocation, index) => (
              <li key={`a${index}`}>
                {t('finance.invoice.allocation', {
                  amount: money(allocation.amount),
                  date: format.date(allocation.payment.receivedOn),
                  method: t(`finance.method.${allocation.payment.method}` as const),
                })}
                {allocation.payment.reference && <span className="net-muted"> · {allocation.payment.reference}</span>}
              </li>
            ))}
            {invoice.cardPayments.map((payment) => (
              <li key={payment.id} data-testid="invoice-card-payment">
                {t('finance.invoice.cardPayment', {
                  amount: money(payment.amount),
                  date: format.dateTime(payment.createdAt),
                  status: t(`finance.cardStatus.${payment.status}`, { defaultValue: payment.status }),
                })}
                {payment.lastError && <span className="net-muted"> · {payment.lastError}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const UNITS: readonly string[] = ['KG', 'L', 'M', 'M2', 'M3', 'PACK', 'PCS', 'SET'] satisfies Unit[];

/** An invoice line's unit is the catalog's (PCS, KG...) written as the locale says it; any other text follows the number. */
function lineQuantity(format: ReturnType<typeof useFormat>, quantity: string, unit: string): string {
  return UNITS.includes(unit) ? format.quantity(quantity, unit as Unit) : `${format.number(quantity)} ${unit}`.trim();
}

function Meta({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
