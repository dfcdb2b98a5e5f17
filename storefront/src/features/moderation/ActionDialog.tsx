import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { ModerationCancelDocument, ModerationConfirmDocument, ModerationRejectDocument } from '../../gql/graphql';
import { Button, Dialog, TextArea } from '../../ui';
import { outcomeOf } from './outcome';

export type ModerationAction = 'confirm' | 'reject' | 'cancel';

/**
 * Confirm, reject or cancel an order after a dialog naming it. Rejecting and cancelling need a
 * reason (the buyer reads it): checked here first, and the API's REASON_REQUIRED /
 * COMMENT_REQUIRED are said the same way.
 */
export function ActionDialog({
  order,
  action,
  onClose,
  onDone,
  onStale,
}: {
  order: { id: string; number: string; version: number | null };
  action: ModerationAction | null;
  onClose: () => void;
  onDone: (action: ModerationAction) => void;
  onStale: (problem: ApiProblem) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [confirmState, confirm] = useMutation(ModerationConfirmDocument);
  const [rejectState, reject] = useMutation(ModerationRejectDocument);
  const [cancelState, cancel] = useMutation(ModerationCancelDocument);
  const busy = confirmState.fetching || rejectState.fetching || cancelState.fetching;
  const needsReason = action === 'reject' || action === 'cancel';

  const close = () => {
    setText('');
    setMissing(false);
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    if (!action) return;
    const value = text.trim();
    if (needsReason && !value) {
      setMissing(true);
      return;
    }
    setProblem(null);
    let outcome;
    if (action === 'confirm') {
      const result = await confirm({ id: order.id, version: order.version, comment: value || null });
      outcome = outcomeOf(result.error, result.data?.orderConfirm?.errors);
    } else if (action === 'reject') {
      const result = await reject({ id: order.id, comment: value });
      outcome = outcomeOf(result.error, result.data?.orderReject?.errors);
    } else {
      const result = await cancel({ id: order.id, version: order.version, reason: value });
      outcome = outcomeOf(result.error, result.data?.orderCancel?.errors);
    }
    if (outcome.ok) {
      setText('');
      onDone(action);
    } else if (outcome.stale) {
      close();
      onStale(outcome.problem);
    } else if (outcome.problem.code === 'REASON_REQUIRED' || outcome.problem.code === 'COMMENT_REQUIRED') setMissing(true);
    else setProblem(outcome.problem);
  };

  const name = action ?? 'confirm';
  return (
    <Dialog
      open={action !== null}
      title={t(`moderation.action.${name}Title`, { number: order.number })}
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={busy}>
            {t('orders.decision.cancel')}
          </Button>
          <Button variant={action === 'confirm' ? 'primary' : 'danger'} onClick={() => void submit()} busy={busy}>
            {t(`moderation.action.${name}`)}
          </Button>
        </>
      }
    >
      <p>{t(`moderation.action.${name}Text`)}</p>
      <TextArea
        label={t(needsReason ? 'moderation.action.reason' : 'orders.decision.commentOptional')}
        value={text}
        required={needsReason}
        rows={3}
        maxLength={1000}
        error={missing ? t('moderation.action.reasonMissing') : undefined}
        onChange={(event) => {
          setText(event.target.value);
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
