import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderApprovalsDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Alert, Button, EmptyState, ErrorState, Skeleton } from '../../ui';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { OrdersFrame } from './OrdersFrame';
import { PagedOrders } from './PagedOrders';

interface Chosen {
  id: string;
  number: string;
  buyerName: string;
  decision: Decision;
}

/** `/approvals`: the orders of the approver's organization waiting for a decision, oldest first. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  return (
    <OrdersFrame title={t('approvals.title')} need="approve">
      {() => <ApprovalsQueue />}
    </OrdersFrame>
  );
}

function ApprovalsQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const queue = usePagedQuery(
    list,
    { query: OrderApprovalsDocument, variables: { ...list.pageArgs }, requestPolicy: 'cache-and-network' },
    (data) => data.orderApprovals,
  );
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [done, setDone] = useState<{ number: string; decision: Decision } | null>(null);
  const page = queue.page;

  let body: React.ReactNode;
  if (!page) body = queue.error ? <ErrorState error={queue.error} onRetry={queue.refresh} /> : <Skeleton height="120px" />;
  else if (page.rows.length === 0)
    body = (
      <EmptyState title={t('approvals.empty')} action={<Link to="/orders">{t('approvals.toOrders')}</Link>}>
        <p>{t('approvals.emptyText')}</p>
      </EmptyState>
    );
  else
    body = (
      <PagedOrders list={list} total={page.total}>
        <ul className="order-cards approvals-list" aria-busy={queue.fetching || undefined}>
          {page.rows.map((order) => (
            <li key={order.id} className="order-card">
              <div className="order-card__head">
                <Link className="order-card__number" to={`/orders/${order.id}`}>
                  {t('orders.numberShort', { number: order.number })}
                </Link>
                <strong className="order-card__total">{format.money(order.grandTotalGross, order.currency)}</strong>
              </div>
              <p>
                {order.placedBy.fullName || t('orders.someone')} · {format.dateTime(order.placedAt)}
              </p>
              <p className="net-muted">
                {t('orders.lineCount', { count: order.lineCount, formatted: format.number(order.lineCount) })}
                {order.approvalLimit && ` · ${t('approvals.limit', { limit: format.money(order.approvalLimit, order.currency) })}`}
                {order.buyerReference && ` · ${order.buyerReference}`}
              </p>
              {order.canApprove && (
                <div className="order-card__actions">
                  <Button variant="primary" onClick={() => setChosen({ id: order.id, number: order.number, buyerName: order.buyer.name, decision: 'approve' })}>
                    {t('orders.decision.approve')}
                  </Button>
                  <Button variant="danger" onClick={() => setChosen({ id: order.id, number: order.number, buyerName: order.buyer.name, decision: 'reject' })}>
                    {t('orders.decision.reject')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </PagedOrders>
    );

  return (
    <section className="net-card orders-list" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">
        {page ? t('approvals.count', { count: page.total, formatted: format.number(page.total) }) : t('approvals.title')}
      </h2>
      {done && <Alert tone="success">{t(done.decision === 'approve' ? 'orders.decision.approved' : 'orders.decision.rejected', { number: done.number })}</Alert>}
      {body}
      {chosen && (
        <DecisionDialog
          order={chosen}
          decision={chosen.decision}
          onClose={() => setChosen(null)}
          onDone={(decision) => {
            setDone({ number: chosen.number, decision });
            setChosen(null);
            queue.refresh();
          }}
        />
      )}
    </section>
  );
}
