import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PriceListErrorFieldsFragment, PriceListInput, PriceListKind, PriceListSettingsFragment, PriceRounding } from '../../../../gql/graphql';
import { applyFieldErrors } from '../../../../lib/formErrors';
import { Button, Checkbox, SelectField, TextField } from '../../../../ui';
import { parseDecimalInput } from '../../decimal';
import type { PriceScope } from '../access';
import { PriceListPicker, type PickedPriceList } from '../pickers/PriceListPicker';
import { errorsBeyondFields, PriceRulesErrors } from '../PriceRulesErrors';

export interface PriceListValues {
  name: string;
  currency: string;
  priority: string;
  validFrom: string;
  validUntil: string;
  pricesIncludeVat: boolean;
  kind: PriceListKind;
  derived: boolean;
  source: PickedPriceList | null;
  formulaFactor: string;
  formulaPercent: string;
  formulaRounding: PriceRounding;
  fallback: PickedPriceList | null;
}

const FIELDS = [
  'name',
  'currency',
  'priority',
  'validFrom',
  'validUntil',
  'pricesIncludeVat',
  'kind',
  'source',
  'formulaFactor',
  'formulaPercent',
  'formulaRounding',
  'fallback',
] as const;

/** The form's values for a new list (a partner's lists are resale lists) or for `list`. */
export function listValues(scope: PriceScope, list?: PriceListSettingsFragment | null): PriceListValues {
  return {
    name: list?.name ?? '',
    currency: list?.currency ?? 'RUB',
    priority: String(list?.priority ?? 0),
    validFrom: list?.validFrom ?? '',
    validUntil: list?.validUntil ?? '',
    pricesIncludeVat: list?.pricesIncludeVat ?? false,
    kind: list?.kind ?? (scope === 'partner' ? 'RESALE' : 'PURCHASE'),
    derived: list?.isDerived ?? false,
    source: list?.source ?? null,
    formulaFactor: list?.formulaFactor ?? '1',
    formulaPercent: list?.formulaPercent ?? '0',
    formulaRounding: list?.formulaRounding ?? 'CENT',
    fallback: list?.fallback ?? null,
  };
}

/** What the API takes: a plain list has no source; a derived one its source and formula. */
export function listInput(values: PriceListValues): PriceListInput {
  const input: PriceListInput = {
    name: values.name.trim(),
    currency: values.currency.trim().toUpperCase(),
    priority: Number(values.priority || 0),
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
    pricesIncludeVat: values.pricesIncludeVat,
    kind: values.kind,
    fallback: values.fallback?.id ?? null,
    source: values.derived ? (values.source?.id ?? null) : null,
  };
  if (values.derived) {
    input.formulaFactor = parseDecimalInput(values.formulaFactor) ?? values.formulaFactor;
    input.formulaPercent = parseSigned(values.formulaPercent);
    input.formulaRounding = values.formulaRounding;
  }
  return input;
}

function parseSigned(text: string): string {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const parsed = parseDecimalInput(negative ? trimmed.slice(1) : trimmed);
  return parsed === null ? trimmed : `${negative ? '-' : ''}${parsed}`;
}

/**
 * A price list's settings: name, currency, priority, period, VAT, kind, fallback, and for a
 * derived list its source and formula. `save` answers the API's errors, shown at their
 * fields or above the buttons.
 */
export function PriceListForm({
  initial,
  listId,
  submitLabel,
  onCancel,
  save,
}: {
  initial: PriceListValues;
  /** The list edited (left out of its own fallback and source pickers). */
  listId?: string;
  submitLabel: string;
  onCancel: () => void;
  save: (input: PriceListInput) => Promise<ReadonlyArray<PriceListErrorFieldsFragment> | null>;
}) {
  const { t } = useTranslation();
  const [rest, setRest] = useState<PriceListErrorFieldsFragment[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PriceListValues>({ defaultValues: initial });
  const derived = watch('derived');
  const exclude = listId ? [listId] : [];
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };

  const onSubmit = async (values: PriceListValues) => {
    setRest([]);
    if (values.derived && !values.source) {
      setError('source', { type: 'required', message: t('prices.admin.lists.form.sourceRequired') });
      return;
    }
    const failed = await save(listInput(values));
    if (!failed || failed.length === 0) return;
    applyFieldErrors(t, failed, FIELDS, setError);
    setRest(errorsBeyondFields(failed, FIELDS));
  };

  return (
    <form className="price-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <TextField label={t('prices.admin.lists.form.name')} error={errors.name?.message} {...register('name', required)} />
      <div className="price-form__row">
        <TextField
          label={t('prices.admin.lists.form.currency')}
          maxLength={3}
          autoCapitalize="characters"
          error={errors.currency?.message}
          {...register('currency', required)}
        />
        <TextField
          label={t('prices.admin.lists.form.priority')}
          type="number"
          inputMode="numeric"
          hint={t('prices.admin.lists.form.priorityHint')}
          error={errors.priority?.message}
          {...register('priority')}
        />
      </div>
      <div className="price-form__row">
        <TextField label={t('prices.admin.lists.form.validFrom')} type="date" error={errors.validFrom?.message} {...register('validFrom')} />
        <TextField label={t('prices.admin.lists.form.validUntil')} type="date" error={errors.validUntil?.message} {...register('validUntil')} />
      </div>
      <SelectField
        label={t('prices.admin.lists.form.kind')}
        error={errors.kind?.message}
        options={(['PURCHASE', 'RESALE'] as const).map((kind) => ({ value: kind, label: t(`prices.admin.lists.kind.${kind}`) }))}
        {...register('kind')}
      />
      <Checkbox label={t('prices.admin.lists.form.pricesIncludeVat')} {...register('pricesIncludeVat')} />
      <Controller
        control={control}
        name="fallback"
        render={({ field, fieldState }) => (
          <PriceListPicker label={t('prices.admin.lists.form.fallback')} value={field.value} onChange={field.onChange} error={fieldState.error?.message} exclude={exclude} />
        )}
      />
      <Checkbox label={t('prices.admin.lists.form.derived')} {...register('derived')} />
      {derived && (
        <fieldset className="price-form__group">
          <legend>{t('prices.admin.lists.form.formula')}</legend>
          <Controller
            control={control}
            name="source"
            render={({ field, fieldState }) => (
              <PriceListPicker label={t('prices.admin.lists.form.source')} value={field.value} onChange={field.onChange} error={fieldState.error?.message} exclude={exclude} />
            )}
          />
          <div className="price-form__row">
            <TextField
              label={t('prices.admin.lists.form.factor')}
              inputMode="decimal"
              hint={t('prices.admin.lists.form.factorHint')}
              error={errors.formulaFactor?.message}
              {...register('formulaFactor')}
            />
            <TextField
              label={t('prices.admin.lists.form.percent')}
              inputMode="decimal"
              hint={t('prices.admin.lists.form.percentHint')}
              error={errors.formulaPercent?.message}
              {...register('formulaPercent')}
            />
          </div>
          <SelectField
            label={t('prices.admin.lists.form.rounding')}
            error={errors.formulaRounding?.message}
            options={(['CENT', 'WHOLE'] as const).map((rounding) => ({ value: rounding, label: t(`prices.admin.lists.rounding.${rounding}`) }))}
            {...register('formulaRounding')}
          />
        </fieldset>
      )}
      <PriceRulesErrors errors={rest} />
      <div className="price-form__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('prices.admin.lists.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
