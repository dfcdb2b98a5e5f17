import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../ui';

/** «В наличии в моей сети»: the catalog's filter on the viewer's visible stock (`inStock=1`). */
export function InStockFilter({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="in-stock-filter" title={t('availability.filterHint')}>
      <Checkbox label={t('availability.filter')} checked={checked} onChange={(event) => onChange(event.target.checked)} />
    </div>
  );
}

/** The chosen filter as a removable chip above the results. */
export function InStockChip({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  const label = t('availability.filter');
  return (
    <li>
      <button type="button" className="filter-chip" onClick={onRemove} aria-label={t('catalog.filters.remove', { filter: label })}>
        {label} <span aria-hidden>×</span>
      </button>
    </li>
  );
}
