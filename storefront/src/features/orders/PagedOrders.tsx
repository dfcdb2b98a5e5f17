import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pageCount } from '../../lib/offsetPaging';
import { LIST_PAGE_SIZE, type ListParams } from '../../lib/useListParams';
import { Pagination } from '../../ui';

/** The desktop's numbered pages under the orders table (the page in the URL). */
export function PagedOrders({ list, total, children }: { list: ListParams; total: number; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const pages = pageCount(total, LIST_PAGE_SIZE);
  const page = Math.min(list.page, pages);
  const open = (next: number) => {
    list.goTo(next);
    ref.current?.closest('section')?.scrollIntoView?.({ block: 'start' });
  };
  return (
    <div ref={ref}>
      {children}
      {total > LIST_PAGE_SIZE && (
        <Pagination
          label={t('orders.pages')}
          page={page}
          pageCount={pages}
          pageSize={LIST_PAGE_SIZE}
          total={total}
          hasPrevious={page > 1}
          hasNext={page < pages}
          onFirst={() => open(1)}
          onPrevious={() => open(page - 1)}
          onNext={() => open(page + 1)}
          onLast={() => open(pages)}
        />
      )}
    </div>
  );
}
