import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { OrderDocument } from '../../gql/graphql';
import { Alert, Button, EmptyState, ErrorState, Skeleton } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import '../network/network.css';
import { isReadOnlyOrder, ordersAccess } from './access';
import { CopyToCart } from './CopyToCart';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { OrderHistory } from './OrderHistory';
import { ModerationSection } from './ModerationSection';
import { OrderDispatches, OrderProgressSection } from './OrderFulfilment';
import { OrderLines, OrderShipments, OrderSummary, OrderTotals, type LineFulfilment } from './OrderSummary';
import './orders.css';
import './workflow.css';

/** `/orders/:id`: one order with its lines, shipments, totals and history; approve or reject it. */
export default function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me, organization } = useViewer();
  const access = ordersAccess(me, organization?.id);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrderDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<Decision | null>(null);
  const order = data?.order;
  usePageTitle(order ? t('orders.detail.title', { number: order.number }) : t('orders.title'));

  let content: React.ReactNode;
  if (!data) {
    content = error ? <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <Skeleton height="240px" />;
  } else if (!order) {
    content = (
      <EmptyState title={t('orders.detail.notFound')} action={<Link to="/orders">{t('orders.detail.back')}</Link>}>
        <p>{t('orders.detail.notFoundText')}</p>
      </EmptyState>
    );
  } else {
    const readOnly = isReadOnlyOrder(order.buyer.id, organization?.id, access.staff);
    const fulfilment: LineFulfilment = new Map(order.lines.map((line) => [line.id, line]));
    const units = new Set(order.lines.map((line) => line.unit));
    const reload = () => reexecute({ requestPolicy: 'network-only' });
    content = (
      <>
        <div className="order-actions" aria-busy={fetching || undefined}>
          {order.canApprove && (
            <>
              <Button variant="primary" onClick={() => setDecision('approve')}>
                {t('orders.decision.approve')}
              </Button>
              <Button variant="danger" onClick={() => setDecision('reject')}>
                {t('orders.decision.reject')}
              </Button>
            </>
          )}
          {!readOnly && !access.staff && <CopyToCart order={order} />}
        </div>
        {done && <Alert tone="success">{t(done === 'approve' ? 'orders.decision.approved' : 'orders.decision.rejected', { number: order.number })}</Alert>}
        <OrderSummary order={order} readOnly={readOnly} />
        {order.moderation && <ModerationSection order={order} moderation={order.moderation} onChanged={reload} />}
        {order.progress && <OrderProgressSection progress={order.progress} unit={units.size === 1 ? [...units][0]! : null} />}
        <OrderLines order={order} fulfilment={fulfilment} />
        <OrderDispatches dispatches={order.dispatches} />
        <OrderShipments order={order} />
        <OrderTotals order={order} />
        <OrderHistory events={order.events} currency={order.currency} />
        <DecisionDialog
          order={{ id: order.id, number: order.number, buyerName: order.buyer.name }}
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={(made) => {
            setDecision(null);
            setDone(made);
            reload();
          }}
        />
      </>
    );
  }
  return (
    <div className="page net-page orders-page">
      <div className="net-page__head">
        <div>
          <p className="net-page__org">
            <Link to="/orders">{t('orders.detail.back')}</Link>
          </p>
          <h1 className="net-page__title">{order ? t('orders.detail.title', { number: order.number }) : t('orders.title')}</h1>
        </div>
      </div>
      {content}
    </div>
  );
}
