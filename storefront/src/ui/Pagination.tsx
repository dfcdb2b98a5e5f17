import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { Button } from './Button';
import { SelectField } from './SelectField';

export interface PaginationProps {
  page: number;
  pageCount: number;
  pageSize: number;
  /** Sizes to choose from; without them (or `onPageSizeChange`) the size is fixed and not shown. */
  pageSizes?: number[];
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
  onPageSizeChange?: (size: number) => void;
  /** Names the navigation landmark, e.g. "Pages of products". */
  label: string;
}

/** Page controls for a cursor connection: first, previous, next, last and, if offered, the page size. */
export function Pagination(props: PaginationProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { page, pageCount, pageSize, pageSizes, onPageSizeChange, total } = props;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <nav className="ui-pagination" aria-label={props.label}>
      <p className="ui-pagination__range">
        {t('ui.pagination.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </p>
      <div className="ui-pagination__buttons">
        <Button size="sm" variant="ghost" onClick={props.onFirst} disabled={!props.hasPrevious} aria-label={t('ui.pagination.first')}>
          «
        </Button>
        <Button size="sm" onClick={props.onPrevious} disabled={!props.hasPrevious} aria-label={t('ui.pagination.previous')}>
          ‹ <span className="ui-hide-narrow" aria-hidden>{t('ui.pagination.previous')}</span>
        </Button>
        <span className="ui-pagination__page">
          {t('ui.pagination.page', { page: format.number(page), pages: format.number(pageCount) })}
        </span>
        <Button size="sm" onClick={props.onNext} disabled={!props.hasNext} aria-label={t('ui.pagination.next')}>
          <span className="ui-hide-narrow" aria-hidden>{t('ui.pagination.next')}</span> ›
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onLast} disabled={!props.hasNext} aria-label={t('ui.pagination.last')}>
          »
        </Button>
      </div>
      {pageSizes && onPageSizeChange && (
        <SelectField
          inline
          label={t('ui.pagination.pageSize')}
          value={String(pageSize)}
          onChange={(event) => onPageSizeChange(Number(event.target.value))}
          options={pageSizes.map((size) => ({ value: String(size), label: format.number(size) }))}
        />
      )}
    </nav>
  );
}
