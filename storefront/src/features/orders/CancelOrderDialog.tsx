import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { OrderCancelDocument } from '../../gql/graphql';
import { Button, Dialog, TextArea } from '../../ui';
import { workflowOutcome } from './workflowProblem';

/**
 * The buyer cancels its order while the moderation allows it (`canCancel`), saying why; the
 * reason is checked here first and the API's REASON_REQUIRED is said in the same place.
 */
export function CancelOrderDialog({
  order,
  open,
  onClose,
  onDone,
  onStale,
}: {
  order: { id: string; number: string; version: number };
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [state, cancel] = useMutation(OrderCancelDocument);

  const close = () => {
    setReason('');
    setMissing(false);
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    setProblem(null);
    const result = await cancel({ id: order.id, version: order.version, reason: text });
    const outcome = workflowOutcome(result.error, result.data?.orderCancel?.errors);
    if (outcome.kind === 'stale') {
      close();
      onStale();
    } else if (outcome.kind === 'problem') {
      if (outcome.problem.code === 'REASON_REQUIRED') setMissing(true);
      else setProblem(outcome.problem);
    } else {
      setReason('');
      onDone();
    }
  };

  return (
    <Dialog
      open={open}
      title={t('orderWorkflow.cancel.title', { number: order.number })}
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={state.fetching}>
            {t('orderWorkflow.cancel.keep')}
          </Button>
          <Button variant="danger" onClick={() => void submit()} busy={state.fetching}>
            {t('orderWorkflow.cancel.button')}
          </Button>
        </>
      }
    >
      <p>{t('orderWorkflow.cancel.text')}</p>
      <TextArea
        label={t('orderWorkflow.cancel.reason')}
        value={reason}
        required
        rows={3}
        maxLength={1000}
        error={missing ? t('orderWorkflow.cancel.missing') : undefined}
        onChange={(event) => {
          setReason(event.target.value);
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
