import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OrdersDocument, type OrderRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Button, DataTable, EmptyState, ErrorState, SelectField, Skeleton } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { isReadOnlyOrder } from './access';
import { PaymentBadge, ReadOnlyBadge, StatusBadge } from './OrderBadges';
import { OrderCard, ShowMore } from './OrderCards';
import { OrderFilters } from './OrderFilters';
import { OrderListExport } from './OrderListExport';
import { clearedParams, isFiltered, orderFilter, orderSort, SORT_KEYS, sortOf, sortParam, type SortKey } from './orderParams';
import { OrdersFrame } from './OrdersFrame';
import { PagedOrders } from './PagedOrders';

const column = createColumnHelper<OrderRowFragment>();
export const PHONE_QUERY = '(max-width: 640px)';

/** `/orders`: the orders the viewer may see, searched, filtered and sorted in the URL. */
export default function OrdersPage() {
  const { t } = useTranslation();
  return <OrdersFrame title={t('orders.title')} need="view">{(access) => <OrdersList staff={access.staff} />}</OrdersFrame>;
}

function OrdersList({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, organization } = useViewer();
  const phone = useMediaQuery(PHONE_QUERY);
  const list = useListParams({ search: 'q' });
  const [, setParams] = useSearchParams();
  // The params object is new on every render; its text is what the filter follows.
  const paramsText = list.params.toString();
  const viewerId = me?.user.id ?? null;
  const filter = useMemo(
    () => orderFilter(new URLSearchParams(paramsText), list.settledSearch, viewerId),
    [paramsText, list.settledSearch, viewerId],
  );
  const choice = sortOf(list.params);
  const sort = orderSort(choice);
  const orders = usePagedQuery(
    list,
    { query: OrdersDocument, variables: { ...list.pageArgs, filter, sort }, requestPolicy: 'cache-and-network' },
    (data) => data.orders,
  );
  const filtered = isFiltered(list.params);
  const clear = useCallback(() => setParams((current) => clearedParams(current), { replace: true }), [setParams]);
  const readOnly = useCallback((order: OrderRowFragment) => isReadOnlyOrder(order.buyer.id, organization?.id, staff), [organization?.id, staff]);
  const setSort = (key: SortKey, descending: boolean) => list.setFilter('sort', sortParam({ key, descending }));

  const sorting: SortingState = [{ id: choice.key, desc: choice.descending }];
  const columns = useMemo(
    () => [
      column.accessor('number', {
        id: 'number',
        header: t('orders.columns.number'),
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <Link to={`/orders/${row.original.id}`}>
              <strong>{row.original.number}</strong>
            </Link>
            {row.original.sellerNumber && <span className="net-muted">{t('orders.sellerNumberShort', { number: row.original.sellerNumber })}</span>}
            {row.original.buyerReference && <span className="net-muted">{row.original.buyerReference}</span>}
          </span>
        ),
      }),
      column.accessor('placedAt', {
        id: 'placedAt',
        header: t('orders.columns.placedAt'),
        cell: ({ getValue }) => <span className="net-nowrap">{format.dateTime(getValue())}</span>,
      }),
      column.accessor((row) => row.buyer.name, {
        id: 'buyer',
        header: t('orders.columns.buyer'),
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <span>{row.original.buyer.name}</span>
            {readOnly(row.original) && <ReadOnlyBadge />}
          </span>
        ),
      }),
      column.accessor((row) => row.placedBy.fullName, {
        id: 'placedBy',
        enableSorting: false,
        header: t('orders.columns.placedBy'),
        cell: ({ getValue }) => getValue() || t('orders.someone'),
      }),
      column.accessor('orderType', {
        id: 'type',
        enableSorting: false,
        header: t('orders.columns.type'),
        cell: ({ getValue }) => t(`orders.type.${getValue()}`),
      }),
      column.accessor('status', {
        id: 'status',
        enableSorting: false,
        header: t('orders.columns.status'),
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <StatusBadge status={row.original.status} />
            <PaymentBadge status={row.original.paymentStatus} />
          </span>
        ),
      }),
      column.accessor('grandTotalGross', {
        id: 'total',
        header: t('orders.columns.total'),
        meta: { align: 'end' },
        cell: ({ row }) => (
          <span className="orders-cell-stack orders-cell-stack--end">
            <strong className="net-nowrap">{format.money(row.original.grandTotalGross, row.original.currency)}</strong>
            <span className="net-muted">{t('orders.lineCount', { count: row.original.lineCount, formatted: format.number(row.original.lineCount) })}</span>
          </span>
        ),
      }),
    ],
    [t, format, readOnly],
  );

  const page = orders.page;
  let body: React.ReactNode;
  if (!page) {
    body = orders.error ? <ErrorState error={orders.error} onRetry={orders.refresh} /> : <Skeleton height="120px" />;
  } else if (page.rows.length === 0) {
    body = filtered ? (
      <EmptyState title={t('orders.empty.filtered')} action={<Button onClick={clear}>{t('orders.filters.clear')}</Button>}>
        <p>{t('orders.empty.filteredText')}</p>
      </EmptyState>
    ) : (
      <EmptyState title={t('orders.empty.none')} action={<Link to="/catalog">{t('orders.empty.toCatalog')}</Link>}>
        <p>{t('orders.empty.noneText')}</p>
      </EmptyState>
    );
  } else if (phone) {
    const endCursor = orders.data?.orders.pageInfo.endCursor;
    body = (
      <>
        <ul className="order-cards" aria-busy={orders.fetching || undefined}>
          {page.rows.map((order) => (
            <OrderCard key={order.id} order={order} readOnly={readOnly(order)} />
          ))}
        </ul>
        {orders.data?.orders.pageInfo.hasNextPage && endCursor && (
          <ShowMore key={`${JSON.stringify(filter)}${JSON.stringify(sort)}${endCursor}`} after={endCursor} filter={filter} sort={sort} isReadOnly={readOnly} />
        )}
      </>
    );
  } else {
    body = (
      <PagedOrders list={list} total={page.total}>
        <DataTable
          caption={t('orders.title')}
          columns={columns}
          data={page.rows}
          getRowId={(row) => row.id}
          busy={orders.fetching}
          sorting={sorting}
          manualSorting
          onSortingChange={(updater) => {
            const next = typeof updater === 'function' ? updater(sorting) : updater;
            const [first] = next;
            if (first && (SORT_KEYS as readonly string[]).includes(first.id)) setSort(first.id as SortKey, first.desc);
          }}
        />
      </PagedOrders>
    );
  }

  return (
    <section className="net-card orders-list" aria-labelledby="orders-heading">
      <div className="orders-list__head">
        <h2 id="orders-heading">
          {page ? t('orders.count', { count: page.total, formatted: format.number(page.total) }) : t('orders.title')}
        </h2>
        {page && page.total > 0 && <OrderListExport filter={filter} sort={sort} />}
      </div>
      <OrderFilters list={list} staff={staff} onClear={clear} />
      {phone && (
        <SelectField
          className="orders-sort"
          label={t('orders.sort.label')}
          value={`${choice.descending ? '-' : ''}${choice.key}`}
          onChange={(event) => {
            const value = event.target.value;
            setSort(value.replace(/^-/, '') as SortKey, value.startsWith('-'));
          }}
          options={SORT_KEYS.flatMap((key) => [
            { value: `-${key}`, label: t(`orders.sort.${key}Desc`) },
            { value: key, label: t(`orders.sort.${key}Asc`) },
          ])}
        />
      )}
      {body}
    </section>
  );
}
