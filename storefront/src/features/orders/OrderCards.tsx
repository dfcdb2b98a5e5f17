import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OrdersDocument, type OrderFilterInput, type OrderRowFragment, type OrderSortInput } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { LIST_PAGE_SIZE } from '../../lib/useListParams';
import { Button, ErrorState } from '../../ui';
import { PaymentBadge, ReadOnlyBadge, StatusBadge } from './OrderBadges';

/** One order as a card on a phone: the number and status first, then whose and how much. */
export function OrderCard({ order, readOnly }: { order: OrderRowFragment; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="order-card">
      <div className="order-card__head">
        <Link className="order-card__number" to={`/orders/${order.id}`}>
          {t('orders.numberShort', { number: order.number })}
        </Link>
        <StatusBadge status={order.status} />
      </div>
      <p className="order-card__buyer">
        {order.buyer.name}
        {readOnly && <ReadOnlyBadge />}
      </p>
      <p className="net-muted">
        {format.dateTime(order.placedAt)} · {order.placedBy.fullName || t('orders.someone')}
        {order.buyerReference && ` · ${order.buyerReference}`}
      </p>
      <div className="order-card__foot">
        <span>{t('orders.lineCount', { count: order.lineCount, formatted: format.number(order.lineCount) })}</span>
        <PaymentBadge status={order.paymentStatus} />
        <strong className="order-card__total">{format.money(order.grandTotalGross, order.currency)}</strong>
      </div>
    </li>
  );
}

/**
 * The pages a phone adds with «Показать ещё»: each loads after the previous one's last cursor
 * and, when there are more, offers the next. The first page is the list's own.
 */
export function MoreOrders({
  after,
  filter,
  sort,
  isReadOnly,
}: {
  after: string;
  filter: OrderFilterInput;
  sort: OrderSortInput;
  isReadOnly: (order: OrderRowFragment) => boolean;
}) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrdersDocument,
    variables: { filter, sort, first: LIST_PAGE_SIZE, after },
  });
  const connection = data?.orders;
  if (error && !connection) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const rows = connection?.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])) ?? [];
  return (
    <>
      <ul className="order-cards" aria-busy={fetching || undefined}>
        {rows.map((order) => (
          <OrderCard key={order.id} order={order} readOnly={isReadOnly(order)} />
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <ShowMore after={connection.pageInfo.endCursor} filter={filter} sort={sort} isReadOnly={isReadOnly} />
      )}
    </>
  );
}

/** «Показать ещё», then the next page in its place. */
export function ShowMore(props: { after: string; filter: OrderFilterInput; sort: OrderSortInput; isReadOnly: (order: OrderRowFragment) => boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (shown) return <MoreOrders {...props} />;
  return (
    <Button className="orders-more" onClick={() => setShown(true)}>
      {t('orders.more')}
    </Button>
  );
}
