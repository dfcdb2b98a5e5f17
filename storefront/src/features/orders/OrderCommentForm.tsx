import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { OrderCommentDocument } from '../../gql/graphql';
import { Button, TextArea } from '../../ui';
import { workflowOutcome } from './workflowProblem';

/** A message into the order's dialogue, sent with the order's `version`. */
export function OrderCommentForm({
  orderId,
  version,
  onSent,
  onStale,
}: {
  orderId: string;
  version: number;
  onSent: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [state, send] = useMutation(OrderCommentDocument);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) {
      setMissing(true);
      return;
    }
    setProblem(null);
    const result = await send({ id: orderId, version, text: message });
    const outcome = workflowOutcome(result.error, result.data?.orderComment?.errors);
    if (outcome.kind === 'stale') onStale();
    else if (outcome.kind === 'problem') setProblem(outcome.problem);
    else {
      setText('');
      onSent();
    }
  };

  return (
    <form className="order-comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextArea
        label={t('orderWorkflow.comment.label')}
        value={text}
        rows={2}
        maxLength={2000}
        error={missing ? t('orderWorkflow.comment.missing') : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim()) setMissing(false);
        }}
      />
      <Button type="submit" busy={state.fetching}>
        {t('orderWorkflow.comment.send')}
      </Button>
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </form>
  );
}
