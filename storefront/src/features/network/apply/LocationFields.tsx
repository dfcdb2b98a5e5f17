/**
 * Country and region of a partner application or a new sub-dealer. The countries and Russia's regions come from the
 * API (`countries`, one list on the server): for Russia the region is chosen from its 89 subjects,
 * since the region decides which dealer serves the company; elsewhere it is free text, and
 * «Другая страна» takes any two-letter ISO code.
 */
import { useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CountriesDocument } from '../../../gql/graphql';
import { localeOf } from '../../../i18n/format';
import { SelectField, TextField } from '../../../ui';

export const OTHER_COUNTRY = 'OTHER';
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

export interface LocationValues {
  country: string;
  otherCountry: string;
  region: string;
}

/** The ISO code to send for what the form holds. */
export function countryCode(values: LocationValues): string {
  return (values.country === OTHER_COUNTRY ? values.otherCountry : values.country).trim().toUpperCase();
}

/** An API error as the form shows it: with «another country» the code is typed in its own field. */
export function locationError<E extends { field?: string | null }>(error: E, values: LocationValues): E {
  return error.field === 'country' && values.country === OTHER_COUNTRY ? { ...error, field: 'otherCountry' } : error;
}

export function LocationFields<T extends LocationValues>({ form, regionHint }: { form: UseFormReturn<T>; regionHint?: string }) {
  // The form's own fields, typed as LocationValues (react-hook-form cannot narrow a generic form).
  const { register, watch, setValue, formState } = form as unknown as UseFormReturn<LocationValues>;
  const { errors } = formState;
  const { t, i18n } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: CountriesDocument });
  const english = i18n.language === 'en';
  const country = watch('country');
  const regions = data?.countries.find((c) => c.code === country)?.regions ?? [];

  const countryOptions = useMemo(
    () => [
      ...(data?.countries ?? [{ code: 'RU', name: 'Россия', nameEn: 'Russia' }]).map((c) => ({ value: c.code, label: english ? c.nameEn : c.name })),
      { value: OTHER_COUNTRY, label: t('network.apply.otherCountry') },
    ],
    [data, english, t],
  );
  const regionOptions = useMemo(() => {
    const collator = new Intl.Collator(localeOf(i18n.language));
    const named = regions.map((r) => ({ value: r.name, label: english ? r.nameEn : r.name }));
    return [{ value: '', label: t('network.apply.chooseRegion') }, ...named.sort((a, b) => collator.compare(a.label, b.label))];
  }, [regions, english, i18n.language, t]);
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };

  return (
    <>
      <SelectField
        label={t('network.apply.country')}
        autoComplete="country"
        error={errors.country?.message}
        {...register('country', { onChange: () => setValue('region', '') })}
        options={countryOptions}
      />
      {country === OTHER_COUNTRY && (
        <TextField
          label={t('network.apply.countryCode')}
          hint={t('network.apply.countryCodeHint')}
          maxLength={2}
          autoComplete="off"
          error={errors.otherCountry?.message}
          {...register('otherCountry', { validate: (value) => COUNTRY_CODE.test(value.trim()) || t('validation.countryCode') })}
        />
      )}
      {regions.length > 0 ? (
        <SelectField
          label={t('network.apply.region')}
          hint={regionHint ?? t('network.apply.regionHint')}
          error={errors.region?.message}
          {...register('region', { validate: (value: string) => value !== '' || t('validation.chooseRegion') })}
          options={regionOptions}
        />
      ) : (
        <TextField
          label={t('network.apply.region')}
          hint={fetching && country === 'RU' ? t('common.loading') : (regionHint ?? t('network.apply.regionHint'))}
          autoComplete="address-level1"
          error={errors.region?.message}
          {...register('region', required)}
        />
      )}
    </>
  );
}
