import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { ModerationProposeDocument, type ModerationOrderFragment, type ProposalInput, type ProposalKind, type Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog, SelectField, TextArea, TextField } from '../../ui';
import { compareDecimal, parseDecimalInput } from '../prices/decimal';
import { outcomeOf } from './outcome';

const KINDS: ProposalKind[] = ['QUANTITY', 'PRICE', 'DATE', 'SUBSTITUTE', 'REMOVE'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Draft {
  kind: ProposalKind | '';
  value: string;
  comment: string;
}

const EMPTY: Draft = { kind: '', value: '', comment: '' };

/** A draft as the API's input, or the key of what is wrong with its value. */
function inputOf(line: string, draft: Draft): ProposalInput | { invalid: string } {
  const comment = draft.comment.trim() || null;
  const value = draft.value.trim();
  switch (draft.kind) {
    case 'QUANTITY':
    case 'PRICE': {
      const amount = parseDecimalInput(value);
      if (!amount || compareDecimal(amount, '0') <= 0) return { invalid: 'moderation.propose.positive' };
      return draft.kind === 'QUANTITY' ? { line, kind: 'QUANTITY', quantity: amount, comment } : { line, kind: 'PRICE', unitNet: amount, comment };
    }
    case 'DATE':
      return DATE.test(value) ? { line, kind: 'DATE', date: value, comment } : { invalid: 'moderation.propose.dateMissing' };
    case 'SUBSTITUTE':
      return value ? { line, kind: 'SUBSTITUTE', substituteSku: value, comment } : { invalid: 'moderation.propose.skuMissing' };
    default:
      return { line, kind: 'REMOVE', comment };
  }
}

/**
 * Per-line proposals to the buyer (quantity, unit price, date, a substitute SKU, removing the
 * line), each with its comment, sent together with the moderation's version.
 */
export function ProposalDialog({
  order,
  open,
  onClose,
  onDone,
  onStale,
}: {
  order: ModerationOrderFragment;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onStale: (problem: ApiProblem) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [state, propose] = useMutation(ModerationProposeDocument);
  const chosen = order.lines.filter((line) => drafts[line.id]?.kind);

  const set = (id: string, change: Partial<Draft>) => {
    setDrafts((current) => ({ ...current, [id]: { ...(current[id] ?? EMPTY), ...change } }));
    setInvalid((current) => ({ ...current, [id]: '' }));
  };
  const close = () => {
    setDrafts({});
    setComment('');
    setInvalid({});
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    const proposals: ProposalInput[] = [];
    const wrong: Record<string, string> = {};
    for (const line of chosen) {
      const input = inputOf(line.id, drafts[line.id]!);
      if ('invalid' in input) wrong[line.id] = input.invalid;
      else proposals.push(input);
    }
    setInvalid(wrong);
    if (Object.keys(wrong).length > 0 || proposals.length === 0) return;
    setProblem(null);
    const result = await propose({ id: order.id, version: order.moderation?.version ?? null, proposals, comment: comment.trim() || null });
    const outcome = outcomeOf(result.error, result.data?.orderProposalCreate?.errors);
    if (outcome.ok) {
      close();
      onDone();
    } else if (outcome.stale) {
      close();
      onStale(outcome.problem);
    } else setProblem(outcome.problem);
  };

  return (
    <Dialog
      open={open}
      title={t('moderation.propose.title', { number: order.number })}
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={state.fetching}>
            {t('orders.decision.cancel')}
          </Button>
          <Button variant="primary" onClick={() => void submit()} busy={state.fetching} disabled={chosen.length === 0}>
            {t('moderation.propose.send', { count: chosen.length, formatted: format.number(chosen.length) })}
          </Button>
        </>
      }
    >
      <p>{t('moderation.propose.text')}</p>
      <ol className="moderation-propose">
        {order.lines.map((line) => {
          const draft = drafts[line.id] ?? EMPTY;
          const error = invalid[line.id] ? t(invalid[line.id] as 'moderation.propose.positive') : undefined;
          const unit = line.unit as Unit;
          return (
            <li key={line.id} className="moderation-propose__line">
              <p className="moderation-propose__what">
                <span className="order-line__sku">{line.sku}</span> {line.name}
                <span className="net-muted">
                  {' · '}
                  {format.quantity(line.quantity, unit)} · {format.money(line.unitNet, order.currency)}
                </span>
              </p>
              <div className="moderation-propose__fields">
                <SelectField
                  label={t('moderation.propose.kind', { sku: line.sku })}
                  value={draft.kind}
                  onChange={(event) => set(line.id, { kind: event.target.value as ProposalKind | '', value: '' })}
                  options={[{ value: '', label: t('moderation.propose.noChange') }, ...KINDS.map((kind) => ({ value: kind, label: t(`moderation.proposalKind.${kind}`) }))]}
                />
                {draft.kind === 'QUANTITY' && (
                  <TextField inputMode="decimal" label={t('moderation.propose.quantity', { sku: line.sku })} value={draft.value} error={error} onChange={(event) => set(line.id, { value: event.target.value })} />
                )}
                {draft.kind === 'PRICE' && (
                  <TextField inputMode="decimal" label={t('moderation.propose.price', { sku: line.sku })} value={draft.value} error={error} onChange={(event) => set(line.id, { value: event.target.value })} />
                )}
                {draft.kind === 'DATE' && (
                  <TextField type="date" label={t('moderation.propose.date', { sku: line.sku })} value={draft.value} error={error} onChange={(event) => set(line.id, { value: event.target.value })} />
                )}
                {draft.kind === 'SUBSTITUTE' && (
                  <TextField label={t('moderation.propose.substitute', { sku: line.sku })} value={draft.value} error={error} onChange={(event) => set(line.id, { value: event.target.value })} />
                )}
                {draft.kind && (
                  <TextField label={t('moderation.propose.comment', { sku: line.sku })} value={draft.comment} maxLength={500} onChange={(event) => set(line.id, { comment: event.target.value })} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <TextArea label={t('moderation.propose.overall')} value={comment} rows={2} maxLength={1000} onChange={(event) => setComment(event.target.value)} />
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </Dialog>
  );
}
