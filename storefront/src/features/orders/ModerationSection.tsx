import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationState, OrderWorkflowPartsFragment } from '../../gql/graphql';
import { Alert, Badge, Button } from '../../ui';
import { CancelOrderDialog } from './CancelOrderDialog';
import { OrderCommentForm } from './OrderCommentForm';
import { OrderDialogue } from './OrderDialogue';
import { ProposalAnswerCard } from './ProposalAnswerCard';

type Moderation = NonNullable<OrderWorkflowPartsFragment['moderation']>;

const STATE_TONE: Record<ModerationState, 'neutral' | 'info' | 'success' | 'warning'> = {
  SUBMITTED: 'info',
  ON_MODERATION: 'info',
  AWAITING_BUYER: 'warning',
  CONFIRMED: 'success',
  REJECTED: 'neutral',
  CANCELLED: 'neutral',
};

export function ModerationBadge({ state }: { state: ModerationState }) {
  const { t } = useTranslation();
  return <Badge tone={STATE_TONE[state]}>{t(`orderWorkflow.state.${state}`)}</Badge>;
}

/**
 * The seller's moderation of the order as its buyer sees it: the state, the proposals waiting
 * for an answer (accept or decline each, with a comment), the dialogue, a message box and the
 * cancellation while allowed. Every write sends the `version` read; when the order changed
 * meanwhile (CONCURRENT_CHANGE) the screen says so and offers a reload instead of acting.
 */
export function ModerationSection({
  order,
  moderation,
  onChanged,
}: {
  order: { id: string; number: string; currency: string };
  moderation: Moderation;
  /** Reads the order again from the server. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const open = moderation.proposals.filter((proposal) => proposal.status === 'OPEN');
  const closed = moderation.state === 'REJECTED' || moderation.state === 'CANCELLED';
  const markStale = () => {
    setNotice(null);
    setStale(true);
  };
  const done = (message: string) => {
    setStale(false);
    setNotice(message);
    onChanged();
  };

  return (
    <section className="net-card order-section order-moderation" aria-labelledby="order-moderation">
      <h2 id="order-moderation">{t('orderWorkflow.moderation.title')}</h2>
      <p className="order-moderation__head">
        <ModerationBadge state={moderation.state} />
        {moderation.moderator && <span>{t('orderWorkflow.moderation.moderator', { name: moderation.moderator.fullName || t('orders.someone') })}</span>}
        {moderation.autoConfirmed && <span className="net-muted">{t('orderWorkflow.moderation.autoConfirmed')}</span>}
      </p>
      {closed && moderation.reason && <Alert tone="warning">{t('orderWorkflow.moderation.reason', { reason: moderation.reason })}</Alert>}
      {stale && (
        <Alert
          tone="warning"
          action={
            <Button
              onClick={() => {
                setStale(false);
                onChanged();
              }}
            >
              {t('orderWorkflow.stale.reload')}
            </Button>
          }
        >
          {t('orderWorkflow.stale.text')}
        </Alert>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {open.length > 0 &&
        (moderation.canAnswer ? (
          <div className="order-proposals">
            <h3>{t('orderWorkflow.proposals.title')}</h3>
            <p>{t('orderWorkflow.moderation.waitingForYou')}</p>
            <ul className="order-proposals__list">
              {open.map((proposal) => (
                <ProposalAnswerCard
                  key={proposal.id}
                  orderId={order.id}
                  version={moderation.version}
                  currency={order.currency}
                  proposal={proposal}
                  onAnswered={(accepted) => done(t(accepted ? 'orderWorkflow.proposals.accepted' : 'orderWorkflow.proposals.declined'))}
                  onStale={markStale}
                />
              ))}
            </ul>
          </div>
        ) : (
          <Alert tone="info">{t('orderWorkflow.moderation.waitingForBuyer')}</Alert>
        ))}
      <OrderDialogue entries={moderation.dialogue} currency={order.currency} />
      {!closed && (moderation.canAnswer || moderation.canModerate) && (
        <OrderCommentForm orderId={order.id} version={moderation.version} onSent={() => done(t('orderWorkflow.comment.sent'))} onStale={markStale} />
      )}
      {moderation.canCancel && (
        <div className="order-moderation__cancel">
          <Button variant="danger" onClick={() => setCancelling(true)}>
            {t('orderWorkflow.cancel.button')}
          </Button>
        </div>
      )}
      <CancelOrderDialog
        order={{ id: order.id, number: order.number, version: moderation.version }}
        open={cancelling}
        onClose={() => setCancelling(false)}
        onDone={() => {
          setCancelling(false);
          done(t('orderWorkflow.cancel.done', { number: order.number }));
        }}
        onStale={markStale}
      />
    </section>
  );
}
