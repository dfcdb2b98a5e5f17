import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PriceListEntriesSaveDocument, type PriceListErrorFieldsFragment, type Unit } from '../../../../gql/graphql';
import { Button, SelectField, TextField } from '../../../../ui';
import { PriceRulesErrors } from '../PriceRulesErrors';
import { tierProblems, tierRows, type TierDraft, type VariantTiers } from './entryGroups';

const UNITS: Unit[] = ['PCS', 'M', 'M2', 'M3', 'KG', 'L', 'PACK', 'SET'];
let nextKey = 0;
const draftKey = () => `tier-${(nextKey += 1)}`;

/** "10.000" as a person types it: "10". */
function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function draftsOf(variant: VariantTiers): TierDraft[] {
  if (variant.tiers.length === 0) return [{ key: draftKey(), minQuantity: '1', price: '', unit: '' }];
  return variant.tiers.map((tier) => ({ key: draftKey(), minQuantity: trimZeros(tier.minQuantity), price: tier.price, unit: tier.unit ?? '' }));
}

/**
 * A variant's tiers being edited: minimum quantity, unit price and unit per tier, tiers
 * added and removed; saved at once (the API sets exactly these tiers, all or nothing).
 */
export function TierEditor({
  listId,
  currency,
  variant,
  onSaved,
  onCancel,
}: {
  listId: string;
  currency: string;
  variant: VariantTiers;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<TierDraft[]>(() => draftsOf(variant));
  const [checked, setChecked] = useState(false);
  const [errors, setErrors] = useState<PriceListErrorFieldsFragment[]>([]);
  const [{ fetching }, save] = useMutation(PriceListEntriesSaveDocument);
  const problems = tierProblems(drafts);

  const change = (key: string, patch: Partial<TierDraft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const onSave = async () => {
    setChecked(true);
    setErrors([]);
    if (problems.size > 0 || drafts.length === 0) return;
    const result = await save({ priceList: listId, variants: [variant.id], rows: tierRows(variant.id, drafts) }, { additionalTypenames: ['PriceListEntry'] });
    const answer = result.data?.priceListEntriesSetVariants;
    if (answer?.priceList) onSaved();
    else if (result.error) setErrors([{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }]);
    else setErrors(answer?.errors ?? []);
  };

  return (
    <div className="price-tiers-editor" role="group" aria-label={t('prices.admin.entries.editing', { sku: variant.sku })}>
      <ol className="price-tiers-editor__list">
        {drafts.map((draft, index) => {
          const problem = checked ? problems.get(draft.key) : undefined;
          return (
            <li key={draft.key} className="price-tiers-editor__tier">
              <TextField
                label={t('prices.admin.entries.minQuantity', { n: index + 1 })}
                inputMode="decimal"
                value={draft.minQuantity}
                error={problem === 'quantity' ? t('prices.admin.entries.badQuantity') : problem === 'duplicate' ? t('prices.admin.entries.duplicateTier') : undefined}
                onChange={(event) => change(draft.key, { minQuantity: event.target.value })}
              />
              <TextField
                label={t('prices.admin.entries.price', { n: index + 1, currency })}
                inputMode="decimal"
                value={draft.price}
                error={problem === 'price' ? t('prices.admin.entries.badPrice') : undefined}
                onChange={(event) => change(draft.key, { price: event.target.value })}
              />
              <SelectField
                label={t('prices.admin.entries.unit', { n: index + 1 })}
                value={draft.unit}
                onChange={(event) => change(draft.key, { unit: event.target.value as Unit | '' })}
                options={[
                  { value: '', label: variant.unit ? t('prices.admin.entries.variantUnit', { unit: t(`units.${variant.unit}`) }) : t('prices.admin.entries.variantUnitUnknown') },
                  ...UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`) })),
                ]}
              />
              <Button
                size="sm"
                variant="ghost"
                disabled={drafts.length === 1}
                aria-label={t('prices.admin.entries.removeTier', { n: index + 1 })}
                onClick={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}
              >
                ×
              </Button>
            </li>
          );
        })}
      </ol>
      <PriceRulesErrors errors={errors} />
      <div className="price-tiers-editor__actions">
        <Button size="sm" onClick={() => setDrafts((all) => [...all, { key: draftKey(), minQuantity: '', price: '', unit: '' }])}>
          {t('prices.admin.entries.addTier')}
        </Button>
        <span className="price-tiers-editor__spacer" />
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('prices.admin.lists.cancel')}
        </Button>
        <Button size="sm" variant="primary" busy={fetching} onClick={() => void onSave()}>
          {t('prices.admin.entries.save')}
        </Button>
      </div>
    </div>
  );
}
