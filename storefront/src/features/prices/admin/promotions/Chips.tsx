import { useTranslation } from 'react-i18next';

/** The rows picked so far, each with a button that removes it; nothing when none. */
export function Chips({ label, items, onRemove }: { label: string; items: ReadonlyArray<{ id: string; name: string }>; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="news-chips" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="news-chip">
          <span>{item.name}</span>
          <button type="button" aria-label={t('prices.admin.promotions.form.remove', { name: item.name })} onClick={() => onRemove(item.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
