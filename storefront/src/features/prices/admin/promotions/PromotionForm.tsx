import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf } from '../../../../api/errors';
import {
  PromotionCreateDocument,
  PromotionDeleteDocument,
  PromotionUpdateDocument,
  type PromotionInput,
  type PromotionKind,
  type PromotionStacking,
} from '../../../../gql/graphql';
import { isAmount, parseAmount } from '../../../../lib/formErrors';
import { Button, Dialog, TextField } from '../../../../ui';
import { PriceRulesErrors, type PriceRulesErrorLike } from '../PriceRulesErrors';
import { PromotionAudience, type PromotionAudienceValue } from './PromotionAudience';
import { PromotionTargets, type Targets } from './PromotionTargets';
import '../../../announcements/announcements.css';
import '../rules.css';

export interface Draft {
  name: string;
  kind: PromotionKind;
  value: string;
  currency: string;
  stacking: PromotionStacking;
  starts: string;
  ends: string;
  targets: Targets;
  audience: PromotionAudienceValue;
}

type FieldKey = 'name' | 'value' | 'currency' | 'stacking' | 'starts' | 'ends' | 'targets' | 'audienceOrganizations' | 'audiencePriceGroups' | 'audienceRegions';

/** The API's field names onto the form's (the targets are one group on the form). */
const FIELD_OF: Record<string, FieldKey> = {
  name: 'name',
  kind: 'value',
  value: 'value',
  currency: 'value',
  stacking: 'stacking',
  starts: 'starts',
  ends: 'ends',
  variants: 'targets',
  products: 'targets',
  categories: 'targets',
  audienceOrganizations: 'audienceOrganizations',
  audiencePriceGroups: 'audiencePriceGroups',
  audienceRegions: 'audienceRegions',
};
const STACKINGS: PromotionStacking[] = ['BEST_PRICE_WINS', 'STACKS'];

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A new promotion: from today for two weeks, for everyone, the best price winning. */
export function newDraft(currency: string, today = new Date()): Draft {
  const ends = new Date(today);
  ends.setDate(ends.getDate() + 13);
  return {
    name: '',
    kind: 'PERCENT',
    value: '',
    currency,
    stacking: 'BEST_PRICE_WINS',
    starts: isoDay(today),
    ends: isoDay(ends),
    targets: { variants: [], products: [], categories: [] },
    audience: { organizations: [], priceGroupIds: [], regions: [] },
  };
}

/** "10.00" → "10", "7.50" → "7.5": a stored decimal as a person would type it. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

function inputOf(draft: Draft): PromotionInput {
  return {
    name: draft.name,
    kind: draft.kind,
    value: parseAmount(draft.value) ?? '0',
    currency: draft.kind === 'FIXED' ? draft.currency : null,
    stacking: draft.stacking,
    starts: draft.starts,
    ends: draft.ends,
    variants: draft.targets.variants.map((v) => v.id),
    products: draft.targets.products.map((p) => p.id),
    categories: draft.targets.categories.map((c) => c.id),
    audienceOrganizations: draft.audience.organizations.map((o) => o.id),
    audiencePriceGroups: draft.audience.priceGroupIds,
    audienceRegions: draft.audience.regions,
  };
}

/** The promotion's fields, saved whole (create or update), and its deletion after a confirmation. */
export function PromotionForm({ id, initial, editable }: { id: string | null; initial: Draft; editable: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  // Refusals with SKUs (BELOW_MAP_FLOOR) or about no field of the form, listed in full.
  const [listed, setListed] = useState<PriceRulesErrorLike[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [created, create] = useMutation(PromotionCreateDocument);
  const [updated, update] = useMutation(PromotionUpdateDocument);
  const [deleted, remove] = useMutation(PromotionDeleteDocument);
  const saving = created.fetching || updated.fetching;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function show(failed: readonly PriceRulesErrorLike[]) {
    const byField: Partial<Record<FieldKey, string>> = {};
    const rest: PriceRulesErrorLike[] = [];
    for (const error of failed) {
      const field = error.field ? FIELD_OF[error.field] : undefined;
      if (field && !byField[field]) byField[field] = describeProblem(t, { code: error.code, detail: error.message });
      // The server's English message repeats the SKUs the list shows: only the code's words stay.
      if ((error.skus?.length ?? 0) > 0) rest.push({ ...error, message: '' });
      else if (!field) rest.push(error);
    }
    setErrors(byField);
    setListed(rest);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: Partial<Record<FieldKey, string>> = {};
    if (!draft.name.trim()) local.name = t('errors.REQUIRED');
    if (!draft.value.trim() || !isAmount(draft.value)) local.value = t('prices.admin.promotions.form.valueInvalid');
    if (!draft.starts) local.starts = t('errors.REQUIRED');
    if (!draft.ends) local.ends = t('errors.REQUIRED');
    setErrors(local);
    setListed([]);
    if (Object.keys(local).length > 0) return;
    const input = inputOf(draft);
    const answer = id ? await update({ id, input }) : await create({ input });
    if (answer.error) return show([{ code: problemOf(answer.error).code, message: answer.error.message, field: null, skus: null }]);
    const payload = answer.data && ('promotionCreate' in answer.data ? answer.data.promotionCreate : 'promotionUpdate' in answer.data ? answer.data.promotionUpdate : null);
    if (payload?.errors.length) return show(payload.errors);
    void navigate('/prices/promotions');
  }

  async function confirmDelete() {
    if (!id) return;
    const answer = await remove({ id });
    const failed = answer.data?.promotionDelete?.errors ?? [];
    setConfirming(false);
    if (answer.error) return show([{ code: problemOf(answer.error).code, message: answer.error.message, field: null, skus: null }]);
    if (failed.length) return show(failed);
    void navigate('/prices/promotions');
  }

  return (
    <form className="rules-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('prices.admin.promotions.form.label')}>
      <fieldset className="rules-form__body" disabled={!editable}>
        <TextField label={t('prices.admin.promotions.form.name')} value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} error={errors.name} />
        <fieldset className="news-form__group">
          <legend>{t('prices.admin.promotions.form.discount')}</legend>
          <div className="news-radios">
            {(['PERCENT', 'FIXED'] as const).map((kind) => (
              <label key={kind} className="news-radio">
                <input type="radio" name="kind" checked={draft.kind === kind} onChange={() => set('kind', kind)} />
                {t(`prices.admin.promotions.kind.${kind}`, { currency: draft.currency })}
              </label>
            ))}
          </div>
          <TextField
            label={draft.kind === 'PERCENT' ? t('prices.admin.promotions.form.percent') : t('prices.admin.promotions.form.amount', { currency: draft.currency })}
            inputMode="decimal"
            value={draft.value}
            onChange={(e) => set('value', e.target.value)}
            error={errors.value}
          />
          {listed.length > 0 && <PriceRulesErrors errors={listed} />}
        </fieldset>
        <PromotionTargets value={draft.targets} onChange={(targets) => set('targets', targets)} error={errors.targets} />
        <PromotionAudience value={draft.audience} onChange={(audience) => set('audience', audience)} errors={errors} />
        <fieldset className="news-form__group">
          <legend>{t('prices.admin.promotions.form.period')}</legend>
          <div className="rules-pair">
            <TextField type="date" label={t('prices.admin.promotions.form.starts')} value={draft.starts} onChange={(e) => set('starts', e.target.value)} error={errors.starts} />
            <TextField type="date" label={t('prices.admin.promotions.form.ends')} value={draft.ends} onChange={(e) => set('ends', e.target.value)} error={errors.ends} />
          </div>
        </fieldset>
        <fieldset className="news-form__group">
          <legend>{t('prices.admin.promotions.form.stacking')}</legend>
          {STACKINGS.map((stacking) => (
            <label key={stacking} className="news-radio rules-choice">
              <input type="radio" name="stacking" checked={draft.stacking === stacking} onChange={() => set('stacking', stacking)} />
              <span>
                <strong>{t(`prices.admin.promotions.stackingShort.${stacking}`)}</strong>
                <span className="rules-choice__text">{t(`prices.admin.promotions.stackingText.${stacking}`)}</span>
              </span>
            </label>
          ))}
          {errors.stacking && <p className="ui-field__error">{errors.stacking}</p>}
        </fieldset>
      </fieldset>
      {editable && (
        <div className="news-form__actions rules-form__actions">
          <Button type="submit" variant="primary" busy={saving} disabled={saving}>
            {id ? t('prices.admin.promotions.form.saveChanges') : t('prices.admin.promotions.form.create')}
          </Button>
          <Link className="ui-button ui-button--ghost ui-button--md" to="/prices/promotions">
            {t('prices.admin.promotions.form.cancel')}
          </Link>
          {id && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('prices.admin.promotions.form.delete')}
            </Button>
          )}
        </div>
      )}
      <Dialog
        open={confirming}
        title={t('prices.admin.promotions.deleteTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('prices.admin.promotions.form.cancel')}
            </Button>
            <Button variant="danger" busy={deleted.fetching} onClick={() => void confirmDelete()}>
              {t('prices.admin.promotions.deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('prices.admin.promotions.deleteText', { name: initial.name })}</p>
      </Dialog>
    </form>
  );
}
