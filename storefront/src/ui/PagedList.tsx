/**
 * A paged list in its states, under the page and filters of useListParams and the page that
 * usePagedQuery loaded: the pager under the list shows the total and opens pages in the URL.
 */
import type { ColumnDef, OnChangeFn, SortingState } from '@tanstack/react-table';
import { useRef, type ReactNode } from 'react';
import { pageCount } from '../lib/offsetPaging';
import { LIST_PAGE_SIZE, type ListParams } from '../lib/useListParams';
import type { PagedResult } from '../lib/usePagedQuery';
import { DataTable } from './DataTable';
import { ErrorState } from './ErrorState';
import { Pagination } from './Pagination';
import { Skeleton } from './Spinner';

/**
 * A list in its states: a skeleton until the first page arrives, an error with a retry, `empty`
 * when nothing matches, else the page as a table (cards on a phone) with the pager under it.
 */
export function PagedList<Node extends { id: string }>({
  list,
  result,
  caption,
  columns,
  pagesLabel,
  empty,
  skeletonRows = 4,
  sorting,
}: {
  list: ListParams;
  result: PagedResult<Node>;
  /** Names the table, e.g. "Members of the organization". */
  caption: string;
  // Column value types differ per column, as DataTable takes them.
  columns: ColumnDef<Node, any>[];
  /** Names the pager, e.g. "Pages of members". */
  pagesLabel: string;
  empty: ReactNode;
  skeletonRows?: number;
  /** Sortable headers for a list the server sorts (the sort kept by the caller, e.g. in the URL). */
  sorting?: { state: SortingState; onChange: OnChangeFn<SortingState> };
}) {
  const { page, error, fetching, refresh } = result;
  if (!page) {
    return error ? <ErrorState error={error} onRetry={refresh} /> : <TableSkeleton rows={skeletonRows} />;
  }
  if (page.rows.length === 0) return <>{empty}</>;
  return (
    <>
      {error && <ErrorState error={error} onRetry={refresh} />}
      <DataTable
        stackOnPhone
        caption={caption}
        columns={columns}
        data={page.rows}
        getRowId={(row) => row.id}
        busy={fetching}
        {...(sorting ? { sorting: sorting.state, onSortingChange: sorting.onChange, manualSorting: true } : {})}
      />
      <ListPager label={pagesLabel} list={list} total={page.total} />
    </>
  );
}

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div className="net-card" aria-hidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height="28px" />
      ))}
    </div>
  );
}

/** Page controls under a list, when it fills more than one page. */
function ListPager({ label, list, total }: { label: string; list: ListParams; total: number }) {
  const ref = useRef<HTMLDivElement>(null);
  if (total <= LIST_PAGE_SIZE) return null;
  const pages = pageCount(total, LIST_PAGE_SIZE);
  const page = Math.min(list.page, pages);
  // A new page is read from the top of its list.
  const open = (next: number) => {
    list.goTo(next);
    ref.current?.closest('section')?.scrollIntoView?.({ block: 'start' });
  };
  return (
    <div ref={ref}>
      <Pagination
        label={label}
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
    </div>
  );
}
