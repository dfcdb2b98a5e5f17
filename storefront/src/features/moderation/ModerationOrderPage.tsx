import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type UseQueryResponse } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import {
  ModerationOrderDocument,
  ModerationStartDocument,
  type ModerationOrderFragment,
  type ModerationOrderQuery,
  type ModerationOrderQueryVariables,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Button, EmptyState, ErrorState, Skeleton } from '../../ui';
import { ActionDialog, type ModerationAction } from './ActionDialog';
import { Dialogue } from './Dialogue';
import { ModerationBadge, OverCreditBadge } from './ModerationBadges';
import { ModerationFrame } from './ModerationFrame';
import { Dispatches, ModerationLines } from './ModerationLines';
import { outcomeOf } from './outcome';
import { ProposalDialog } from './ProposalDialog';
import { moveChoices, UnitMovesDialog, type MadeDispatch } from './UnitMovesDialog';

/** `/moderation/:id`: one order for its moderator. */
export default function ModerationOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ query: ModerationOrderDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const order = query[0].data?.order;
  return (
    <ModerationFrame title={order ? t('orders.detail.title', { number: order.number }) : t('moderation.order.heading')}>
      {() => <ModerationOrder query={query} />}
    </ModerationFrame>
  );
}

type Open = 'propose' | 'moves' | ModerationAction | null;
type Done = { kind: 'started' | 'proposed' | 'moved' | ModerationAction; dispatch?: MadeDispatch | null };

function ModerationOrder({ query }: { query: UseQueryResponse<ModerationOrderQuery, ModerationOrderQueryVariables> }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = query;
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [stale, setStale] = useState<ApiProblem | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [startState, start] = useMutation(ModerationStartDocument);
  const reload = () => {
    setStale(null);
    setProblem(null);
    reexecute({ requestPolicy: 'network-only' });
  };
  const finish = (kind: Done['kind'], dispatch?: MadeDispatch | null) => {
    setOpen(null);
    setDone({ kind, dispatch });
    reexecute({ requestPolicy: 'network-only' });
  };
  const order = data?.order;

  if (!data) return error ? <ErrorState error={error} onRetry={reload} /> : <Skeleton height="240px" />;
  if (!order || !order.moderation) {
    return (
      <EmptyState title={t('orders.detail.notFound')} action={<Link to="/moderation">{t('moderation.order.back')}</Link>}>
        <p>{t('moderation.order.notFoundText')}</p>
      </EmptyState>
    );
  }
  const moderation = order.moderation;
  const version = moderation.version;
  const onStale = (why: ApiProblem) => {
    setOpen(null);
    setStale(why);
  };
  const startModeration = async () => {
    setProblem(null);
    const result = await start({ id: order.id, version });
    const outcome = outcomeOf(result.error, result.data?.orderModerationStart?.errors);
    if (outcome.ok) finish('started');
    else if (outcome.stale) onStale(outcome.problem);
    else setProblem(outcome.problem);
  };

  return (
    <>
      <p className="moderation-order__back">
        <Link to="/moderation">{t('moderation.order.back')}</Link>
      </p>
      {stale && (
        <Alert tone="error" title={t('moderation.order.staleTitle')} action={<Button onClick={reload}>{t('moderation.order.reload')}</Button>}>
          {t('errors.CONCURRENT_CHANGE')}
          {stale.detail && <span className="moderation-order__detail"> {stale.detail}</span>}
        </Alert>
      )}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      {done && <DoneNotice done={done} number={order.number} />}
      <ModerationSummary order={order} />
      {moderation.canModerate && (
        <Actions order={order} busy={fetching || startState.fetching} onStart={() => void startModeration()} onOpen={setOpen} />
      )}
      <ModerationLines order={order} />
      <Dispatches order={order} />
      <Dialogue moderation={moderation} currency={order.currency} />
      <ProposalDialog order={order} open={open === 'propose'} onClose={() => setOpen(null)} onDone={() => finish('proposed')} onStale={onStale} />
      <UnitMovesDialog order={order} open={open === 'moves'} onClose={() => setOpen(null)} onDone={(dispatch) => finish('moved', dispatch)} onStale={onStale} />
      <ActionDialog
        order={{ id: order.id, number: order.number, version }}
        action={open === 'confirm' || open === 'reject' || open === 'cancel' ? open : null}
        onClose={() => setOpen(null)}
        onDone={(action) => finish(action)}
        onStale={onStale}
      />
    </>
  );
}

function DoneNotice({ done, number }: { done: Done; number: string }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success">
      {t(`moderation.done.${done.kind}`, { number })}
      {done.dispatch && (
        <>
          {' '}
          {t('moderation.done.dispatch', { number: done.dispatch.number })}{' '}
          <a href={done.dispatch.packingListUrl} target="_blank" rel="noopener">
            {t('moderation.dispatches.print', { number: done.dispatch.number })}
          </a>
        </>
      )}
    </Alert>
  );
}

function ModerationSummary({ order }: { order: ModerationOrderFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const moderation = order.moderation!;
  const progress = order.progress;
  return (
    <section className="net-card order-section" aria-labelledby="moderation-summary">
      <h2 id="moderation-summary" className="ui-visually-hidden">
        {t('orders.detail.summary')}
      </h2>
      <div className="order-summary__badges">
        <ModerationBadge state={moderation.state} />
        {moderation.overCredit && <OverCreditBadge />}
        {moderation.autoConfirmed && <span className="net-muted">{t('moderation.order.autoConfirmed')}</span>}
      </div>
      {moderation.reason && <Alert tone="warning">{t('moderation.order.reason', { reason: moderation.reason })}</Alert>}
      <dl className="order-facts">
        <div>
          <dt>{t('orders.detail.buyer')}</dt>
          <dd>{order.buyer.name}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.placedBy')}</dt>
          <dd>{order.placedBy.fullName || t('orders.someone')}</dd>
        </div>
        <div>
          <dt>{t('moderation.order.submittedAt')}</dt>
          <dd>{format.dateTime(moderation.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('moderation.order.moderator')}</dt>
          <dd>{moderation.moderator?.fullName || t('moderation.order.nobody')}</dd>
        </div>
        <div>
          <dt>{t('orders.totals.grand')}</dt>
          <dd>{format.money(order.grandTotalGross, order.currency)}</dd>
        </div>
        {progress && (
          <div>
            <dt>{t('moderation.order.progress')}</dt>
            <dd>
              {t('moderation.order.linesReady', { ready: format.number(progress.linesReady), count: progress.lineCount, formatted: format.number(progress.lineCount) })}
              {', '}
              {t('moderation.order.dispatchCount', { count: progress.dispatchCount, formatted: format.number(progress.dispatchCount) })}
            </dd>
          </div>
        )}
        {order.comment && (
          <div className="order-facts__wide">
            <dt>{t('orders.detail.comment')}</dt>
            <dd>{order.comment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** What the moderator may do in the order's state (the API refuses the rest with WRONG_STATE). */
function Actions({ order, busy, onStart, onOpen }: { order: ModerationOrderFragment; busy: boolean; onStart: () => void; onOpen: (open: Open) => void }) {
  const { t } = useTranslation();
  const moderation = order.moderation!;
  const state = moderation.state;
  const open = state === 'SUBMITTED' || state === 'ON_MODERATION' || state === 'AWAITING_BUYER';
  const hasOpenProposals = order.lines.some((line) => line.openProposals.length > 0);
  return (
    <div className="order-actions" aria-busy={busy || undefined}>
      {state === 'SUBMITTED' && (
        <Button variant="primary" onClick={onStart} busy={busy}>
          {t('moderation.action.start')}
        </Button>
      )}
      {(state === 'ON_MODERATION' || state === 'AWAITING_BUYER') && <Button onClick={() => onOpen('propose')}>{t('moderation.action.propose')}</Button>}
      {(state === 'SUBMITTED' || state === 'ON_MODERATION') && !hasOpenProposals && (
        <Button variant={state === 'SUBMITTED' ? 'secondary' : 'primary'} onClick={() => onOpen('confirm')}>
          {t('moderation.action.confirm')}
        </Button>
      )}
      {moveChoices(order).length > 0 && <Button variant="primary" onClick={() => onOpen('moves')}>{t('moderation.action.moves')}</Button>}
      {open && (
        <Button variant="danger" onClick={() => onOpen('reject')}>
          {t('moderation.action.reject')}
        </Button>
      )}
      {moderation.canCancel && (
        <Button variant="ghost" onClick={() => onOpen('cancel')}>
          {t('moderation.action.cancel')}
        </Button>
      )}
    </div>
  );
}
