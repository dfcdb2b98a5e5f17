import { useTranslation } from 'react-i18next';
import { ProductPicker, type PickedProduct } from '../../../announcements/ProductPicker';
import { CategoryPicker, type PickedCategory } from '../pickers/CategoryPicker';
import { VariantPicker, type PickedVariant } from '../pickers/VariantPicker';
import { Chips } from './Chips';

export interface Targets {
  variants: PickedVariant[];
  products: PickedProduct[];
  categories: PickedCategory[];
}

/** What a promotion lowers: variants, whole products, categories with their subcategories. */
export function PromotionTargets({ value, onChange, error }: { value: Targets; onChange: (targets: Targets) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <fieldset className="news-form__group" aria-describedby={error ? 'promotion-targets-error' : undefined}>
      <legend>{t('prices.admin.promotions.form.targets')}</legend>
      <p className="news-muted">{t('prices.admin.promotions.form.targetsHint')}</p>
      {error && (
        <p id="promotion-targets-error" className="ui-field__error">
          {error}
        </p>
      )}
      <Chips
        label={t('prices.admin.promotions.form.variants')}
        items={value.variants.map((v) => ({ id: v.id, name: `${v.sku} · ${v.productName} ${v.name}`.trim() }))}
        onRemove={(id) => onChange({ ...value, variants: value.variants.filter((v) => v.id !== id) })}
      />
      <VariantPicker
        label={t('prices.admin.promotions.form.variantSearch')}
        exclude={value.variants.map((v) => v.id)}
        onPick={(variant) => onChange({ ...value, variants: [...value.variants, variant] })}
      />
      <ProductPicker value={value.products} onChange={(products) => onChange({ ...value, products })} />
      <Chips
        label={t('prices.admin.promotions.form.categories')}
        items={value.categories}
        onRemove={(id) => onChange({ ...value, categories: value.categories.filter((c) => c.id !== id) })}
      />
      <CategoryPicker
        label={t('prices.admin.promotions.form.categoryAdd')}
        value={null}
        exclude={value.categories.map((c) => c.id)}
        onChange={(category) => category && onChange({ ...value, categories: [...value.categories, category] })}
      />
    </fieldset>
  );
}
