import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AnnouncementAudienceOptionsDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Checkbox, SelectField } from '../../ui';

export interface Audience {
  everyoneBelow: boolean;
  priceGroupIds: string[];
  regions: string[];
}

/** Everyone below the publisher, or some of its price groups and some regions. */
export function AudiencePicker({ value, onChange, errors }: { value: Audience; onChange: (audience: Audience) => void; errors: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [result] = useQuery({ query: AnnouncementAudienceOptionsDocument });
  const options = result.data?.announcementAudienceOptions;
  const english = i18n.language === 'en';
  const regionLabel = (name: string) => {
    const region = options?.regions.find((r) => r.name === name);
    return english && region ? region.nameEn : name;
  };
  const toggleGroup = (id: string, on: boolean) =>
    onChange({ ...value, priceGroupIds: on ? [...value.priceGroupIds, id] : value.priceGroupIds.filter((g) => g !== id) });

  return (
    <fieldset className="news-form__group" aria-describedby={errors.audience ? 'audience-error' : undefined}>
      <legend>{t('announcements.form.audience')}</legend>
      <div className="news-radios" role="radiogroup" aria-label={t('announcements.form.audience')}>
        <label className="news-radio">
          <input type="radio" name="audience" checked={value.everyoneBelow} onChange={() => onChange({ everyoneBelow: true, priceGroupIds: [], regions: [] })} />
          {t('announcements.form.everyone')}
        </label>
        <label className="news-radio">
          <input type="radio" name="audience" checked={!value.everyoneBelow} onChange={() => onChange({ ...value, everyoneBelow: false })} />
          {t('announcements.form.chosen')}
        </label>
      </div>
      {errors.audience && (
        <p id="audience-error" className="ui-field__error">
          {errors.audience}
        </p>
      )}
      {!value.everyoneBelow && (
        <div className="news-audience">
          <div>
            <p className="ui-field__label">{t('announcements.form.priceGroups')}</p>
            {options && options.priceGroups.length === 0 && <p className="news-muted">{t('announcements.form.noPriceGroups')}</p>}
            {options?.priceGroups.map((group) => (
              <Checkbox
                key={group.id}
                label={`${group.name} · ${t('announcements.form.members', { count: group.memberCount, formatted: format.number(group.memberCount) })}`}
                checked={value.priceGroupIds.includes(group.id)}
                onChange={(e) => toggleGroup(group.id, e.target.checked)}
              />
            ))}
            {errors.priceGroupIds && <p className="ui-field__error">{errors.priceGroupIds}</p>}
          </div>
          <div>
            <SelectField
              label={t('announcements.form.region')}
              value=""
              error={errors.regions}
              onChange={(e) => e.target.value && onChange({ ...value, regions: [...value.regions, e.target.value] })}
              options={[
                { value: '', label: t('announcements.form.regionPlaceholder') },
                ...(options?.regions ?? [])
                  .filter((r) => !value.regions.includes(r.name))
                  .map((r) => ({ value: r.name, label: english ? r.nameEn : r.name })),
              ]}
            />
            {value.regions.length > 0 && (
              <ul className="news-chips">
                {value.regions.map((name) => (
                  <li key={name} className="news-chip">
                    <span>{regionLabel(name)}</span>
                    <button
                      type="button"
                      aria-label={t('announcements.form.removeRegion', { name: regionLabel(name) })}
                      onClick={() => onChange({ ...value, regions: value.regions.filter((r) => r !== name) })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}
