import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf } from '../../../../api/errors';
import {
  VolumeDiscountCreateDocument,
  VolumeDiscountUpdateDocument,
  type VolumeDiscountInput,
  type VolumeDiscountRowFragment,
} from '../../../../gql/graphql';
import { parseAmount } from '../../../../lib/formErrors';
import { Button, SelectField, TextField } from '../../../../ui';
import { PriceRulesErrors, type PriceRulesErrorLike } from '../PriceRulesErrors';
import { trimZeros } from '../promotions/PromotionForm';
import { ladderText } from './ladder';

const CURRENCIES = ['RUB', 'BYN', 'KZT', 'USD', 'EUR', 'CNY'];
const FIELDS = ['name', 'currency', 'steps', 'starts', 'ends'] as const;
type Field = (typeof FIELDS)[number];

interface Step {
  threshold: string;
  percent: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** Create or change a volume discount: its name, currency, steps and optional period. */
export function VolumeDiscountForm({
  discount,
  defaultCurrency,
  onDone,
  onCancel,
}: {
  discount: VolumeDiscountRowFragment | null;
  defaultCurrency: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(discount?.name ?? '');
  const [currency, setCurrency] = useState(discount?.currency ?? defaultCurrency);
  const [steps, setSteps] = useState<Step[]>(
    discount?.steps.map((s) => ({ threshold: trimZeros(s.threshold), percent: trimZeros(s.percent) })) ?? [{ threshold: '', percent: '' }],
  );
  const [starts, setStarts] = useState(discount?.starts ?? '');
  const [ends, setEnds] = useState(discount?.ends ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [rest, setRest] = useState<PriceRulesErrorLike[]>([]);
  const [created, create] = useMutation(VolumeDiscountCreateDocument);
  const [updated, update] = useMutation(VolumeDiscountUpdateDocument);
  const saving = created.fetching || updated.fetching;
  const parsed = steps.map((s) => ({ threshold: parseAmount(s.threshold) ?? '', percent: parseAmount(s.percent) ?? '' }));
  const complete = parsed.filter((s) => NUMBER.test(s.threshold) && NUMBER.test(s.percent));
  const setStep = (index: number, step: Partial<Step>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...step } : s)));

  function show(failed: readonly PriceRulesErrorLike[]) {
    const byField: Partial<Record<Field, string>> = {};
    const others: PriceRulesErrorLike[] = [];
    for (const error of failed) {
      const field = FIELDS.find((f) => f === error.field);
      if (field && !byField[field]) byField[field] = describeProblem(t, { code: error.code, detail: error.message });
      else others.push(error);
    }
    setErrors(byField);
    setRest(others);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (complete.length !== steps.length) {
      setErrors({ steps: t('prices.admin.volume.form.numberInvalid') });
      return;
    }
    const input: VolumeDiscountInput = {
      name,
      currency,
      steps: complete,
      starts: starts || null,
      ends: ends || null,
      // The screen does not edit the audience; a change keeps the one the discount has.
      audienceOrganizations: discount?.audienceOrganizations.map((o) => o.id) ?? [],
      audiencePriceGroups: discount?.audiencePriceGroups.map((g) => g.id) ?? [],
      audienceRegions: discount?.audienceRegions ?? [],
    };
    const answer = discount ? await update({ id: discount.id, input }) : await create({ input });
    if (answer.error) return show([{ code: problemOf(answer.error).code, message: answer.error.message }]);
    const data = answer.data;
    const payload = data && ('volumeDiscountCreate' in data ? data.volumeDiscountCreate : 'volumeDiscountUpdate' in data ? data.volumeDiscountUpdate : null);
    if (payload?.errors.length) return show(payload.errors);
    onDone();
  }

  return (
    <form className="rules-form" onSubmit={(e) => void submit(e)} noValidate aria-label={discount ? t('prices.admin.volume.form.editTitle') : t('prices.admin.volume.form.createTitle')}>
      <PriceRulesErrors errors={rest} />
      <TextField label={t('prices.admin.volume.form.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <SelectField
        label={t('prices.admin.volume.form.currency')}
        value={currency}
        onChange={(e) => setCurrency(e.target.value)}
        error={errors.currency}
        options={[...new Set([currency, ...CURRENCIES])].map((code) => ({ value: code, label: code }))}
      />
      <fieldset className="news-form__group">
        <legend>{t('prices.admin.volume.form.steps')}</legend>
        {steps.map((step, index) => (
          <div key={index} className="rules-step">
            <TextField
              label={t('prices.admin.volume.form.threshold', { currency })}
              inputMode="decimal"
              value={step.threshold}
              onChange={(e) => setStep(index, { threshold: e.target.value })}
            />
            <TextField label={t('prices.admin.volume.form.percent')} inputMode="decimal" value={step.percent} onChange={(e) => setStep(index, { percent: e.target.value })} />
            {steps.length > 1 && (
              <Button size="sm" variant="ghost" onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}>
                {t('prices.admin.volume.form.removeStep', { index: index + 1 })}
              </Button>
            )}
          </div>
        ))}
        {errors.steps && <p className="ui-field__error">{errors.steps}</p>}
        {complete.length > 0 && (
          <p className="rules-ladder" role="status">
            {ladderText(t, i18n.language, currency, complete)}
          </p>
        )}
        <div>
          <Button size="sm" onClick={() => setSteps((all) => [...all, { threshold: '', percent: '' }])}>
            {t('prices.admin.volume.form.addStep')}
          </Button>
        </div>
      </fieldset>
      <div className="rules-pair">
        <TextField type="date" label={t('prices.admin.volume.form.starts')} value={starts} onChange={(e) => setStarts(e.target.value)} error={errors.starts} />
        <TextField type="date" label={t('prices.admin.volume.form.ends')} value={ends} onChange={(e) => setEnds(e.target.value)} error={errors.ends} />
      </div>
      <div className="news-form__actions rules-form__actions">
        <Button type="submit" variant="primary" busy={saving} disabled={saving}>
          {t('prices.admin.volume.form.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('prices.admin.volume.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
