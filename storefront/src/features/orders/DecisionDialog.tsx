import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { OrderApproveDocument, OrderRejectDocument } from '../../gql/graphql';
import { Button, Dialog, TextArea } from '../../ui';

export type Decision = 'approve' | 'reject';

/**
 * Approve or reject an order after a confirmation naming it. A rejection needs a comment (the
 * placer is told why); the check is made here first and the API's COMMENT_REQUIRED is said too.
 */
export function DecisionDialog({
  order,
  decision,
  onClose,
  onDone,
}: {
  order: { id: string; number: string; buyerName: string };
  decision: Decision | null;
  onClose: () => void;
  onDone: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [approveState, approve] = useMutation(OrderApproveDocument);
  const [rejectState, reject] = useMutation(OrderRejectDocument);
  const busy = approveState.fetching || rejectState.fetching;

  const close = () => {
    setComment('');
    setMissing(false);
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    if (!decision) return;
    const text = comment.trim();
    if (decision === 'reject' && !text) {
      setMissing(true);
      return;
    }
    setProblem(null);
    let error;
    let errors: Array<{ code: string; message: string }> = [];
    if (decision === 'approve') {
      const result = await approve({ id: order.id, comment: text || null });
      error = result.error;
      errors = result.data?.orderApprove?.errors ?? [];
    } else {
      const result = await reject({ id: order.id, comment: text });
      error = result.error;
      errors = result.data?.orderReject?.errors ?? [];
    }
    if (error) {
      setProblem(problemOf(error));
      return;
    }
    const [first] = errors;
    if (first) {
      if (first.code === 'COMMENT_REQUIRED') setMissing(true);
      else setProblem({ code: first.code, detail: first.message });
      return;
    }
    setComment('');
    onDone(decision);
  };

  const rejecting = decision === 'reject';
  return (
    <Dialog
      open={decision !== null}
      title={t(rejecting ? 'orders.decision.rejectTitle' : 'orders.decision.approveTitle', { number: order.number })}
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={busy}>
            {t('orders.decision.cancel')}
          </Button>
          <Button variant={rejecting ? 'danger' : 'primary'} onClick={() => void submit()} busy={busy}>
            {t(rejecting ? 'orders.decision.reject' : 'orders.decision.approve')}
          </Button>
        </>
      }
    >
      <p>{t(rejecting ? 'orders.decision.rejectText' : 'orders.decision.approveText', { buyer: order.buyerName })}</p>
      <TextArea
        label={t(rejecting ? 'orders.decision.commentRequired' : 'orders.decision.commentOptional')}
        value={comment}
        required={rejecting}
        rows={3}
        maxLength={1000}
        error={missing ? t('orders.decision.commentMissing') : undefined}
        onChange={(event) => {
          setComment(event.target.value);
          if (event.target.value.trim()) setMissing(false);
        }}
      />
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </Dialog>
  );
}
