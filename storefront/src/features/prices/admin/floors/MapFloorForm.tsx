import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf } from '../../../../api/errors';
import { MapFloorSetDocument, type MapFloorRowFragment } from '../../../../gql/graphql';
import { parseAmount } from '../../../../lib/formErrors';
import { Button, TextField } from '../../../../ui';
import { CategoryPicker, type PickedCategory } from '../pickers/CategoryPicker';
import { VariantPicker, type PickedVariant } from '../pickers/VariantPicker';
import { PriceRulesErrors, type PriceRulesErrorLike } from '../PriceRulesErrors';
import { trimZeros } from '../promotions/PromotionForm';

type Target = 'variant' | 'category';
const POSITIVE = /^\d+(\.\d+)?$/;

/** Set a floor: a SKU's net amount or a category's percentage of the base price. */
export function MapFloorForm({
  floor,
  currency,
  onSaved,
  onCancel,
}: {
  floor: MapFloorRowFragment | null;
  currency: string;
  /** The number of resale lists now below a floor. */
  onSaved: (flagged: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target>(floor?.category ? 'category' : 'variant');
  const [variant, setVariant] = useState<PickedVariant | null>(
    floor?.variant ? { id: floor.variant.id, sku: floor.variant.sku, name: floor.variant.name, productName: floor.variant.product.name } : null,
  );
  const [category, setCategory] = useState<PickedCategory | null>(floor?.category ?? null);
  const [value, setValue] = useState(trimZeros(floor?.amount ?? floor?.percent ?? ''));
  const [errors, setErrors] = useState<Partial<Record<'target' | 'value', string>>>({});
  const [rest, setRest] = useState<PriceRulesErrorLike[]>([]);
  const [saved, save] = useMutation(MapFloorSetDocument);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const amount = parseAmount(value) ?? '';
    const local: typeof errors = {};
    if (target === 'variant' && !variant) local.target = t('prices.admin.floors.form.chooseVariant');
    if (target === 'category' && !category) local.target = t('prices.admin.floors.form.chooseCategory');
    if (!POSITIVE.test(amount) || Number(amount) <= 0) local.value = t('prices.admin.floors.form.numberInvalid');
    setErrors(local);
    setRest([]);
    if (Object.keys(local).length > 0) return;
    const input = target === 'variant' ? { variant: variant?.id ?? null, amount } : { category: category?.id ?? null, percent: amount };
    const answer = await save({ input });
    if (answer.error) return setRest([{ code: problemOf(answer.error).code, message: answer.error.message }]);
    const payload = answer.data?.mapFloorSet;
    if (payload?.errors.length) {
      const byField: typeof errors = {};
      const others: PriceRulesErrorLike[] = [];
      for (const error of payload.errors) {
        const field = error.field === 'amount' || error.field === 'percent' ? 'value' : error.field === 'variant' || error.field === 'category' ? 'target' : null;
        if (field) byField[field] = describeProblem(t, { code: error.code, detail: error.message });
        else others.push(error);
      }
      setErrors(byField);
      setRest(others);
      return;
    }
    onSaved(payload?.flaggedLists.length ?? 0);
  }

  return (
    <form className="rules-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('prices.admin.floors.form.title')}>
      <PriceRulesErrors errors={rest} />
      <fieldset className="news-form__group" disabled={floor !== null}>
        <legend>{t('prices.admin.floors.form.target')}</legend>
        <div className="news-radios">
          {(['variant', 'category'] as const).map((option) => (
            <label key={option} className="news-radio">
              <input type="radio" name="floor-target" checked={target === option} onChange={() => setTarget(option)} />
              {t(`prices.admin.floors.form.${option}Option`)}
            </label>
          ))}
        </div>
        {target === 'variant' &&
          (variant ? (
            <p className="rules-ladder">
              {variant.sku} · {variant.productName} {variant.name}{' '}
              {floor === null && (
                <Button size="sm" variant="ghost" onClick={() => setVariant(null)}>
                  {t('prices.admin.floors.form.change')}
                </Button>
              )}
            </p>
          ) : (
            <VariantPicker label={t('prices.admin.floors.form.variantSearch')} onPick={setVariant} error={errors.target} />
          ))}
        {target === 'category' && <CategoryPicker label={t('prices.admin.floors.category')} value={category?.id ?? null} onChange={setCategory} error={errors.target} />}
      </fieldset>
      <TextField
        label={target === 'variant' ? t('prices.admin.floors.form.amount', { currency }) : t('prices.admin.floors.form.percent')}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.value}
      />
      <div className="news-form__actions rules-form__actions">
        <Button type="submit" variant="primary" busy={saved.fetching} disabled={saved.fetching}>
          {t('prices.admin.floors.form.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('prices.admin.floors.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
