import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InventoryErrorPartsFragment, QuantityDisplay, WarehouseInput, WarehouseKind, WarehouseRowFragment } from '../../gql/graphql';
import { applyFieldErrors } from '../../lib/formErrors';
import { Button, Checkbox, SelectField, TextField } from '../../ui';
import { countryCode, LocationFields, locationError, OTHER_COUNTRY } from '../network/apply/LocationFields';
import { parseDecimalInput } from '../prices/decimal';
import { errorsBeyondFields, PriceRulesErrors } from '../prices/admin/PriceRulesErrors';

export interface WarehouseValues {
  code: string;
  name: string;
  kind: WarehouseKind;
  address: string;
  country: string;
  otherCountry: string;
  region: string;
  city: string;
  latitude: string;
  longitude: string;
  pickupAllowed: boolean;
  priority: string;
  handlingDays: string;
  display: QuantityDisplay;
  networkDisplay: QuantityDisplay;
  sharedWithNetwork: boolean;
  isActive: boolean;
}

const FIELDS = [
  'code',
  'name',
  'kind',
  'address',
  'country',
  'otherCountry',
  'region',
  'city',
  'latitude',
  'longitude',
  'priority',
  'handlingDays',
  'display',
  'networkDisplay',
] as const;

export const KINDS = ['FACTORY', 'REGIONAL', 'STOCK_CENTER'] as const;
export const DISPLAYS = ['EXACT', 'BANDS', 'HIDDEN'] as const;
const KNOWN_COUNTRIES = new Set(['RU', 'BY', 'KZ', 'AM', 'KG', 'UZ', 'TJ', 'AZ', 'MD']);

/** The form's values for a new stock center, or for `warehouse`. */
export function warehouseValues(warehouse?: WarehouseRowFragment | null): WarehouseValues {
  const country = warehouse?.country || 'RU';
  const known = KNOWN_COUNTRIES.has(country);
  return {
    code: warehouse?.code ?? '',
    name: warehouse?.name ?? '',
    kind: warehouse?.kind ?? 'STOCK_CENTER',
    address: warehouse?.address ?? '',
    country: known ? country : OTHER_COUNTRY,
    otherCountry: known ? '' : country,
    region: warehouse?.region ?? '',
    city: warehouse?.city ?? '',
    latitude: warehouse?.latitude ?? '',
    longitude: warehouse?.longitude ?? '',
    pickupAllowed: warehouse?.pickupAllowed ?? false,
    priority: String(warehouse?.priority ?? 100),
    handlingDays: String(warehouse?.handlingDays ?? 1),
    display: warehouse?.display ?? 'EXACT',
    networkDisplay: warehouse?.networkDisplay ?? 'BANDS',
    sharedWithNetwork: warehouse?.sharedWithNetwork ?? false,
    isActive: warehouse?.isActive ?? true,
  };
}

function coordinate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const negative = trimmed.startsWith('-');
  const parsed = parseDecimalInput(negative ? trimmed.slice(1) : trimmed);
  return parsed === null ? trimmed : `${negative ? '-' : ''}${parsed}`;
}

/** What the API takes; the API requires the kind, and a partner's warehouse is its stock center. */
export function warehouseInput(values: WarehouseValues, staff: boolean): WarehouseInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: staff ? values.kind : 'STOCK_CENTER',
    address: values.address.trim(),
    country: countryCode(values),
    region: values.region.trim(),
    city: values.city.trim(),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    pickupAllowed: values.pickupAllowed,
    priority: Number(values.priority || 0),
    handlingDays: Number(values.handlingDays || 0),
    display: values.display,
    networkDisplay: values.networkDisplay,
    sharedWithNetwork: values.sharedWithNetwork,
    isActive: values.isActive,
  };
}

/**
 * A warehouse's settings: code, name, address and region (chosen as the other forms choose
 * it), coordinates, pickup, priority, handling days, how its quantities are shown and whether
 * the dealer's network sees it. `save` answers the API's errors, shown at their fields.
 */
export function WarehouseForm({
  initial,
  staff,
  editing,
  submitLabel,
  onCancel,
  save,
}: {
  initial: WarehouseValues;
  /** Staff choose the kind; a partner's warehouse is a stock center. */
  staff: boolean;
  editing: boolean;
  submitLabel: string;
  onCancel: () => void;
  save: (input: WarehouseInput) => Promise<ReadonlyArray<InventoryErrorPartsFragment> | null>;
}) {
  const { t } = useTranslation();
  const [rest, setRest] = useState<InventoryErrorPartsFragment[]>([]);
  const form = useForm<WarehouseValues>({ defaultValues: initial });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };
  const whole = { validate: (value: string) => /^\d+$/.test(value.trim()) || t('stockAdmin.form.wholeNumber') };
  const displayOptions = DISPLAYS.map((d) => ({ value: d, label: t(`stockAdmin.display.${d}`) }));

  const onSubmit = async (values: WarehouseValues) => {
    setRest([]);
    const failed = await save(warehouseInput(values, staff));
    if (!failed || failed.length === 0) return;
    const placed = failed.map((error) => locationError(error, values));
    applyFieldErrors(t, placed, FIELDS, setError);
    setRest(errorsBeyondFields(placed, FIELDS));
  };

  return (
    <form className="stock-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <div className="stock-form__row">
        <TextField label={t('stockAdmin.form.code')} hint={t('stockAdmin.form.codeHint')} error={errors.code?.message} {...register('code', required)} />
        <TextField label={t('stockAdmin.form.name')} error={errors.name?.message} {...register('name', required)} />
      </div>
      {staff && (
        <SelectField
          label={t('stockAdmin.form.kind')}
          error={errors.kind?.message}
          options={KINDS.map((kind) => ({ value: kind, label: t(`stockAdmin.kind.${kind}`) }))}
          {...register('kind')}
        />
      )}
      <TextField label={t('stockAdmin.form.address')} autoComplete="street-address" error={errors.address?.message} {...register('address', required)} />
      <LocationFields form={form} regionHint={t('stockAdmin.form.regionHint')} />
      <TextField label={t('stockAdmin.form.city')} autoComplete="address-level2" error={errors.city?.message} {...register('city', required)} />
      <div className="stock-form__row">
        <TextField label={t('stockAdmin.form.latitude')} inputMode="decimal" hint={t('stockAdmin.form.optional')} error={errors.latitude?.message} {...register('latitude')} />
        <TextField label={t('stockAdmin.form.longitude')} inputMode="decimal" hint={t('stockAdmin.form.optional')} error={errors.longitude?.message} {...register('longitude')} />
      </div>
      <div className="stock-form__row">
        <TextField
          label={t('stockAdmin.form.priority')}
          inputMode="numeric"
          hint={t('stockAdmin.form.priorityHint')}
          error={errors.priority?.message}
          {...register('priority', whole)}
        />
        <TextField
          label={t('stockAdmin.form.handlingDays')}
          inputMode="numeric"
          hint={t('stockAdmin.form.handlingDaysHint')}
          error={errors.handlingDays?.message}
          {...register('handlingDays', whole)}
        />
      </div>
      <Checkbox label={t('stockAdmin.form.pickupAllowed')} {...register('pickupAllowed')} />
      <fieldset className="stock-form__group">
        <legend>{t('stockAdmin.form.shownTitle')}</legend>
        <SelectField label={t('stockAdmin.form.display')} hint={t('stockAdmin.form.displayHint')} error={errors.display?.message} options={displayOptions} {...register('display')} />
        <SelectField
          label={t('stockAdmin.form.networkDisplay')}
          hint={t('stockAdmin.form.networkDisplayHint')}
          error={errors.networkDisplay?.message}
          options={displayOptions}
          {...register('networkDisplay')}
        />
        <Checkbox label={t('stockAdmin.form.sharedWithNetwork')} {...register('sharedWithNetwork')} />
      </fieldset>
      {editing && <Checkbox label={t('stockAdmin.form.isActive')} {...register('isActive')} />}
      <PriceRulesErrors errors={rest} />
      <div className="stock-form__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('stockAdmin.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
