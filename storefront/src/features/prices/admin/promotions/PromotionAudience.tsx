import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CountriesDocument } from '../../../../gql/graphql';
import { SelectField } from '../../../../ui';
import { OrganizationPicker, type PickedOrganization } from '../pickers/OrganizationPicker';
import { PriceGroupPicker } from '../pickers/PriceGroupPicker';
import { Chips } from './Chips';

export interface PromotionAudienceValue {
  organizations: PickedOrganization[];
  priceGroupIds: string[];
  regions: string[];
}

export type AudienceErrors = Partial<Record<'audienceOrganizations' | 'audiencePriceGroups' | 'audienceRegions', string>>;

/** Whom a promotion reaches: chosen organizations below the owner, its price groups, regions; nobody chosen is everyone. */
export function PromotionAudience({
  value,
  onChange,
  errors,
}: {
  value: PromotionAudienceValue;
  onChange: (audience: PromotionAudienceValue) => void;
  errors: AudienceErrors;
}) {
  const { t, i18n } = useTranslation();
  const [countries] = useQuery({ query: CountriesDocument });
  const regions = countries.data?.countries.find((c) => c.code === 'RU')?.regions ?? [];
  const english = i18n.language === 'en';
  const regionLabel = (name: string) => {
    const region = regions.find((r) => r.name === name);
    return english && region ? region.nameEn : name;
  };
  const nobody = value.organizations.length + value.priceGroupIds.length + value.regions.length === 0;
  return (
    <fieldset className="news-form__group">
      <legend>{t('prices.admin.promotions.form.audience')}</legend>
      <p className="news-muted" role="status">
        {nobody ? t('prices.admin.promotions.form.audienceEveryone') : t('prices.admin.promotions.form.audienceChosen')}
      </p>
      <Chips
        label={t('prices.admin.promotions.form.organizations')}
        items={value.organizations}
        onRemove={(id) => onChange({ ...value, organizations: value.organizations.filter((o) => o.id !== id) })}
      />
      <OrganizationPicker
        label={t('prices.admin.promotions.form.organizationAdd')}
        error={errors.audienceOrganizations}
        exclude={value.organizations.map((o) => o.id)}
        onPick={(organization) => onChange({ ...value, organizations: [...value.organizations, organization] })}
      />
      <PriceGroupPicker
        label={t('prices.admin.promotions.form.priceGroups')}
        value={value.priceGroupIds}
        error={errors.audiencePriceGroups}
        onChange={(priceGroupIds) => onChange({ ...value, priceGroupIds })}
      />
      <Chips
        label={t('prices.admin.promotions.form.regions')}
        items={value.regions.map((name) => ({ id: name, name: regionLabel(name) }))}
        onRemove={(name) => onChange({ ...value, regions: value.regions.filter((r) => r !== name) })}
      />
      <SelectField
        label={t('prices.admin.promotions.form.regionAdd')}
        value=""
        error={errors.audienceRegions}
        onChange={(e) => e.target.value && onChange({ ...value, regions: [...value.regions, e.target.value] })}
        options={[
          { value: '', label: t('prices.admin.promotions.form.regionPlaceholder') },
          ...regions.filter((r) => !value.regions.includes(r.name)).map((r) => ({ value: r.name, label: english ? r.nameEn : r.name })),
        ]}
      />
    </fieldset>
  );
}
