import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { PriceListRecomputeStartDocument, RecomputeJobPollDocument, type PriceListErrorFieldsFragment, type RecomputeJobProgressFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button } from '../../../../ui';
import { PriceRulesErrors } from '../PriceRulesErrors';

/** How often a running recomputation is asked about. */
export const RECOMPUTE_POLL_MS = 1000;

/** "Recompute": starts the job, then follows it until it is done or failed. */
export function RecomputeButton({ listId, onDone }: { listId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, start] = useMutation(PriceListRecomputeStartDocument);
  const [job, setJob] = useState<RecomputeJobProgressFragment | null>(null);
  const [errors, setErrors] = useState<PriceListErrorFieldsFragment[]>([]);
  const running = job !== null && (job.status === 'PENDING' || job.status === 'RUNNING');

  const onClick = async () => {
    setErrors([]);
    const result = await start({ id: listId });
    const answer = result.data?.priceListRecompute;
    if (answer?.job) setJob(answer.job);
    else if (result.error) setErrors([{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }]);
    else setErrors(answer?.errors ?? []);
  };

  return (
    <>
      <Button onClick={() => void onClick()} busy={fetching || running} disabled={running}>
        {t('prices.admin.lists.recompute')}
      </Button>
      <div className="price-recompute">
        {job && <JobProgress job={job} onChange={setJob} onDone={onDone} />}
        <PriceRulesErrors errors={errors} />
      </div>
    </>
  );
}

function JobProgress({
  job,
  onChange,
  onDone,
}: {
  job: RecomputeJobProgressFragment;
  onChange: (job: RecomputeJobProgressFragment) => void;
  onDone: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  // The host's callbacks change with its renders; the polling follows the job only.
  const callbacks = useRef({ onChange, onDone });
  callbacks.current = { onChange, onDone };
  const finished = job.status === 'DONE' || job.status === 'FAILED';
  // Asked again a second after each answer, until the job ends (or the screen closes).
  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void client
        .query(RecomputeJobPollDocument, { id: job.id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          const polled = result.data?.recomputeJob;
          if (cancelled || !polled) return;
          callbacks.current.onChange({ ...polled });
          if (polled.status === 'DONE') callbacks.current.onDone?.();
        });
    }, RECOMPUTE_POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, finished, job]);

  if (job.status === 'FAILED') {
    return (
      <Alert tone="error" title={t('prices.admin.lists.recomputeFailed')}>
        {job.errorMessage ?? job.errorCode}
      </Alert>
    );
  }
  if (job.status === 'DONE') return <Alert tone="success">{t('prices.admin.lists.recomputeDone', { count: job.listsTotal })}</Alert>;
  return (
    <div role="status" className="price-recompute__progress">
      <progress max={Math.max(job.listsTotal, 1)} value={job.listsDone} aria-label={t('prices.admin.lists.recomputeProgressLabel')} />
      <span>{t('prices.admin.lists.recomputeProgress', { done: format.number(job.listsDone), total: format.number(job.listsTotal) })}</span>
    </div>
  );
}
