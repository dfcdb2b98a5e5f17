import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { useModalFocus } from '../../lib/useModalFocus';
import { Button } from '../../ui';

/**
 * The categories and filters. On a wide screen, a side panel beside the results. On a
 * phone (`asSheet`), a bottom sheet: a modal dialog over the results, opened by the
 * toolbar's button, with a sticky footer that says how many products the filters find
 * («Показать 12 товаров», closing the sheet onto them) and resets the filters.
 */
export function FiltersPanel({
  asSheet,
  open,
  onClose,
  total,
  busy,
  onReset,
  children,
}: {
  asSheet: boolean;
  open: boolean;
  onClose: () => void;
  /** Products the current filters find (null while unknown). */
  total: number | null;
  /** The total is being recomputed for a change just made. */
  busy: boolean;
  /** Clears the filters; absent when there is nothing to clear. */
  onReset?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const modal = asSheet && open;
  useModalFocus(modal, panel, onClose);

  if (!asSheet) {
    return (
      <aside id="catalog-sidebar" className="catalog__sidebar" aria-label={t('catalog.sidebar')}>
        {children}
      </aside>
    );
  }
  if (!open) return <aside id="catalog-sidebar" className="catalog__sidebar" aria-label={t('catalog.sidebar')} hidden />;
  return (
    <div className="filter-sheet__backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <aside
        ref={panel}
        id="catalog-sidebar"
        className="catalog__sidebar filter-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <div className="filter-sheet__head">
          <h2 id={titleId} className="filter-sheet__title">
            {t('catalog.sidebar')}
          </h2>
          <Button variant="ghost" size="sm" onClick={onClose} aria-label={t('catalog.filters.close')}>
            <span aria-hidden>×</span>
          </Button>
        </div>
        <div className="filter-sheet__body">{children}</div>
        <div className="filter-sheet__footer">
          {onReset && (
            <Button variant="secondary" onClick={onReset}>
              {t('catalog.filters.resetAll')}
            </Button>
          )}
          <Button variant="primary" className="filter-sheet__show" onClick={onClose} aria-busy={busy} data-testid="filters-show">
            {total === null ? t('common.loading') : t('catalog.filters.show', { count: total, formatted: format.number(total) })}
          </Button>
        </div>
      </aside>
    </div>
  );
}
