import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { ForwardableOrdersDocument, OrderForwardDocument, type ForwardableRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Alert, Button, Checkbox, EmptyState, ErrorState, Skeleton, TextArea } from '../../ui';
import { ModerationFrame } from './ModerationFrame';

/** `/moderation/forward`: a dealer forwards its sub-dealers' confirmed orders to the factory as one order. */
export default function ForwardPage() {
  const { t } = useTranslation();
  return (
    <ModerationFrame title={t('moderation.forward.title')} need="forward">
      {() => <Forward />}
    </ModerationFrame>
  );
}

/** One key per forwarding attempt: a retry of the same selection (a lost answer) forwards once. */
function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The sum of money amounts ("12500.00") in whole kopecks, never through a float. */
export function sumMoney(amounts: string[]): string {
  const cents = amounts.reduce((sum, amount) => {
    const [whole = '0', fraction = ''] = amount.split('.');
    return sum + BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  }, 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

function Forward() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams();
  const result = usePagedQuery(
    list,
    { query: ForwardableOrdersDocument, variables: list.pageArgs, requestPolicy: 'cache-and-network' },
    (data) => data.forwardableOrders,
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [made, setMade] = useState<{ id: string; number: string } | null>(null);
  const [state, forward] = useMutation(OrderForwardDocument);
  // Kept while the selection is the same, so a retry after a lost answer is the same request.
  const key = useRef<{ orders: string; key: string } | null>(null);
  const rows = useMemo(() => result.page?.rows ?? [], [result.page]);
  const chosen = rows.filter((row) => selected.includes(row.id));
  const currency = chosen[0]?.currency ?? rows[0]?.currency ?? 'RUB';
  const total = sumMoney(chosen.map((row) => row.grandTotalGross));

  const toggle = (id: string, on: boolean) => setSelected((all) => (on ? [...all, id] : all.filter((x) => x !== id)));
  const submit = async () => {
    const orders = chosen.map((row) => row.id).sort();
    const joined = orders.join(',');
    if (key.current?.orders !== joined) key.current = { orders: joined, key: newKey() };
    setProblem(null);
    const answer = await forward({ orders, idempotencyKey: key.current.key, comment: comment.trim() || null });
    if (answer.error) return setProblem(problemOf(answer.error));
    const [first] = answer.data?.orderForward?.errors ?? [];
    if (first) return setProblem({ code: first.code, detail: first.message });
    const order = answer.data?.orderForward?.order;
    if (order) setMade({ id: order.id, number: order.number });
    key.current = null;
    setSelected([]);
    setComment('');
    result.refresh();
  };

  let body: React.ReactNode;
  if (!result.page) body = result.error ? <ErrorState error={result.error} onRetry={result.refresh} /> : <Skeleton height="120px" />;
  else if (rows.length === 0)
    body = (
      <EmptyState title={t('moderation.forward.empty')}>
        <p>{t('moderation.forward.emptyText')}</p>
      </EmptyState>
    );
  else
    body = (
      <>
        <ul className="moderation-forward" aria-busy={result.fetching || undefined}>
          {rows.map((row: ForwardableRowFragment) => (
            <li key={row.id} className="moderation-forward__row">
              <Checkbox
                label={t('moderation.forward.pick', { number: row.number, buyer: row.buyer.name })}
                checked={selected.includes(row.id)}
                onChange={(event) => toggle(row.id, event.target.checked)}
              />
              <span className="net-muted">
                {t('orders.lineCount', { count: row.lineCount, formatted: format.number(row.lineCount) })}
                {' · '}
                {t('moderation.forward.confirmedAt', { date: format.date(row.moderation?.confirmedAt ?? row.placedAt) })}
              </span>
              <strong className="net-nowrap">{format.money(row.grandTotalGross, row.currency)}</strong>
              <Link className="moderation-forward__open" to={`/moderation/${row.id}`}>
                {t('moderation.forward.open', { number: row.number })}
              </Link>
            </li>
          ))}
        </ul>
        <TextArea label={t('moderation.forward.comment')} value={comment} rows={2} maxLength={1000} onChange={(event) => setComment(event.target.value)} />
        <div className="order-actions">
          <Button variant="primary" disabled={chosen.length === 0} busy={state.fetching} onClick={() => void submit()}>
            {t('moderation.forward.submit', { count: chosen.length, formatted: format.number(chosen.length) })}
          </Button>
          {chosen.length > 0 && <span className="net-muted">{t('moderation.forward.selectedTotal', { total: format.money(total, currency) })}</span>}
        </div>
      </>
    );

  return (
    <section className="net-card orders-list" aria-labelledby="forward-heading">
      <div className="orders-list__head">
        <h2 id="forward-heading">
          {result.page ? t('moderation.forward.count', { count: result.page.total, formatted: format.number(result.page.total) }) : t('moderation.forward.title')}
        </h2>
      </div>
      <p className="net-muted">{t('moderation.forward.text')}</p>
      {made && (
        <Alert tone="success" title={t('moderation.forward.done', { number: made.number })}>
          <Link to={`/orders/${made.id}`}>{t('moderation.forward.openNew', { number: made.number })}</Link>
        </Alert>
      )}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      {body}
    </section>
  );
}
