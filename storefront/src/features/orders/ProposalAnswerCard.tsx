import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { OrderProposalAnswerDocument, type ProposalPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, TextField } from '../../ui';
import { ProposalChange } from './ProposalChange';
import { workflowOutcome } from './workflowProblem';

/**
 * One open proposal for the buyer to answer: the change «before → after», the seller's comment,
 * an optional comment of the buyer's, «Принять» / «Отклонить». The answer carries the order's
 * `version`, so an answer to an order changed meanwhile is refused rather than applied blind.
 */
export function ProposalAnswerCard({
  orderId,
  version,
  currency,
  proposal,
  onAnswered,
  onStale,
}: {
  orderId: string;
  version: number;
  currency: string;
  proposal: ProposalPartsFragment;
  onAnswered: (accepted: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [state, answer] = useMutation(OrderProposalAnswerDocument);

  const send = async (accept: boolean) => {
    setProblem(null);
    setChoice(accept);
    const text = comment.trim();
    const result = await answer({ id: orderId, version, answers: [{ proposal: proposal.id, accept, comment: text || null }] });
    const outcome = workflowOutcome(result.error, result.data?.orderProposalAnswer?.errors);
    if (outcome.kind === 'stale') onStale();
    else if (outcome.kind === 'problem') setProblem(outcome.problem);
    else onAnswered(accept);
  };

  return (
    <li className="proposal-card">
      <ProposalChange proposal={proposal} currency={currency} />
      {proposal.comment && <blockquote className="order-history__comment">{proposal.comment}</blockquote>}
      <p className="net-muted proposal-card__by">
        {t('orderWorkflow.proposals.by', { name: proposal.proposedBy.fullName || t('orders.someone'), date: format.dateTime(proposal.proposedAt) })}
      </p>
      <TextField label={t('orderWorkflow.proposals.commentLabel')} value={comment} maxLength={1000} onChange={(event) => setComment(event.target.value)} />
      <div className="proposal-card__actions">
        <Button variant="primary" onClick={() => void send(true)} busy={state.fetching && choice === true} disabled={state.fetching}>
          {t('orderWorkflow.proposals.accept')}
        </Button>
        <Button variant="danger" onClick={() => void send(false)} busy={state.fetching && choice === false} disabled={state.fetching}>
          {t('orderWorkflow.proposals.decline')}
        </Button>
      </div>
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </li>
  );
}
