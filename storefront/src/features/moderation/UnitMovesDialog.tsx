import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { ModerationUnitsMoveDocument, type ModerationOrderFragment, type Unit, type UnitMoveInput, type UnitStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Checkbox, Dialog, SelectField, TextField } from '../../ui';
import { compareDecimal, parseDecimalInput } from '../prices/decimal';
import { outcomeOf } from './outcome';

export interface MadeDispatch {
  number: string;
  packingListUrl: string;
}

/** The moves the viewer may make on some line now ("PENDING>READY"), in the lines' order. */
export function moveChoices(order: ModerationOrderFragment): Array<{ from: UnitStatus; to: UnitStatus }> {
  const seen = new Map<string, { from: UnitStatus; to: UnitStatus }>();
  for (const line of order.lines) for (const move of line.allowedMoves) if (compareDecimal(move.max, '0') > 0) seen.set(`${move.from}>${move.to}`, { from: move.from, to: move.to });
  return [...seen.values()];
}

/**
 * Bulk unit moves: one from → to (only what `allowedMoves` offers), the lines and how many units
 * of each; moving to SHIPPED makes a dispatch, with its document number, carrier and tracking.
 */
export function UnitMovesDialog({
  order,
  open,
  onClose,
  onDone,
  onStale,
}: {
  order: ModerationOrderFragment;
  open: boolean;
  onClose: () => void;
  onDone: (dispatch: MadeDispatch | null) => void;
  onStale: (problem: ApiProblem) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const choices = moveChoices(order);
  const [choice, setChoice] = useState('');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [dispatch, setDispatch] = useState({ documentNumber: '', carrierName: '', trackingNumber: '' });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [state, move] = useMutation(ModerationUnitsMoveDocument);
  const current = choices.find((c) => `${c.from}>${c.to}` === choice) ?? choices[0];
  const key = current ? `${current.from}>${current.to}` : '';
  const lines = current
    ? order.lines.flatMap((line) => {
        const option = line.allowedMoves.find((m) => m.from === current.from && m.to === current.to && compareDecimal(m.max, '0') > 0);
        return option ? [{ line, max: option.max }] : [];
      })
    : [];
  const shipping = current?.to === 'SHIPPED';

  const reset = () => {
    setChoice('');
    setPicked({});
    setInvalid({});
    setDispatch({ documentNumber: '', carrierName: '', trackingNumber: '' });
    setProblem(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async () => {
    if (!current) return;
    const moves: UnitMoveInput[] = [];
    const wrong: Record<string, boolean> = {};
    for (const { line, max } of lines) {
      const text = picked[line.id];
      if (text === undefined) continue;
      const quantity = parseDecimalInput(text);
      if (!quantity || compareDecimal(quantity, '0') <= 0 || compareDecimal(quantity, max) > 0) wrong[line.id] = true;
      else moves.push({ line: line.id, from: current.from, to: current.to, quantity });
    }
    setInvalid(wrong);
    if (Object.keys(wrong).length > 0 || moves.length === 0) return;
    setProblem(null);
    const result = await move({
      id: order.id,
      moves,
      dispatch: shipping
        ? {
            documentNumber: dispatch.documentNumber.trim() || null,
            carrierName: dispatch.carrierName.trim() || null,
            trackingNumber: dispatch.trackingNumber.trim() || null,
          }
        : null,
    });
    const outcome = outcomeOf(result.error, result.data?.orderLineUnitsMove?.errors);
    if (outcome.ok) {
      const made = result.data?.orderLineUnitsMove?.dispatch;
      reset();
      onDone(made ? { number: made.number, packingListUrl: made.packingListUrl } : null);
    } else if (outcome.stale) {
      close();
      onStale(outcome.problem);
    } else setProblem(outcome.problem);
  };

  return (
    <Dialog
      open={open}
      title={t('moderation.moves.title', { number: order.number })}
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={state.fetching}>
            {t('orders.decision.cancel')}
          </Button>
          <Button variant="primary" onClick={() => void submit()} busy={state.fetching} disabled={Object.keys(picked).length === 0}>
            {t(shipping ? 'moderation.moves.ship' : 'moderation.moves.move')}
          </Button>
        </>
      }
    >
      {choices.length === 0 ? (
        <p>{t('moderation.moves.none')}</p>
      ) : (
        <>
          <SelectField
            label={t('moderation.moves.transition')}
            value={key}
            onChange={(event) => {
              setChoice(event.target.value);
              setPicked({});
              setInvalid({});
            }}
            options={choices.map((c) => ({ value: `${c.from}>${c.to}`, label: `${t(`moderation.units.${c.from}`)} → ${t(`moderation.units.${c.to}`)}` }))}
          />
          <ul className="moderation-moves">
            {lines.map(({ line, max }) => {
              const text = picked[line.id];
              return (
                <li key={line.id} className="moderation-moves__line">
                  <Checkbox
                    label={
                      <>
                        <span className="order-line__sku">{line.sku}</span> {line.name}{' '}
                        <span className="net-muted">{t('moderation.moves.available', { quantity: format.quantity(max, line.unit as Unit) })}</span>
                      </>
                    }
                    checked={text !== undefined}
                    onChange={(event) =>
                      setPicked((all) => {
                        const next = { ...all };
                        if (event.target.checked) next[line.id] = format.number(max).replace(/[\s\u00a0\u202f]/g, '');
                        else delete next[line.id];
                        return next;
                      })
                    }
                  />
                  {text !== undefined && (
                    <TextField
                      className="moderation-moves__quantity"
                      inputMode="decimal"
                      label={t('moderation.moves.quantity', { sku: line.sku })}
                      value={text}
                      error={invalid[line.id] ? t('moderation.moves.tooMany', { quantity: format.quantity(max, line.unit as Unit) }) : undefined}
                      onChange={(event) => setPicked((all) => ({ ...all, [line.id]: event.target.value }))}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          {shipping && (
            <fieldset className="moderation-dispatch">
              <legend>{t('moderation.moves.dispatch')}</legend>
              <TextField label={t('moderation.moves.documentNumber')} value={dispatch.documentNumber} maxLength={64} onChange={(e) => setDispatch({ ...dispatch, documentNumber: e.target.value })} />
              <TextField label={t('moderation.moves.carrier')} value={dispatch.carrierName} maxLength={128} onChange={(e) => setDispatch({ ...dispatch, carrierName: e.target.value })} />
              <TextField label={t('moderation.moves.tracking')} value={dispatch.trackingNumber} maxLength={64} onChange={(e) => setDispatch({ ...dispatch, trackingNumber: e.target.value })} />
            </fieldset>
          )}
        </>
      )}
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </Dialog>
  );
}
