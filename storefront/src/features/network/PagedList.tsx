/**
 * The network screens' lists, paged as the catalog is: the page number and the filters live in
 * the URL (a link or a reload shows the same page, Back and Forward step through the pages), a
 * new search or filter starts again at page 1, and the pager under the list shows the total.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, type AnyVariables, type CombinedError, type UseQueryArgs } from 'urql';
import { pageArgs, pageCount, parsePage, type PageArgs } from '../../lib/offsetPaging';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useLatest } from '../../lib/useLatest';
import { DataTable, ErrorState, Pagination, Skeleton } from '../../ui';

/** Rows on a page of every network list. */
export const NETWORK_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

export interface ListParams {
  /** The page shown, from 1. */
  page: number;
  /** `first` and `after` that load it. */
  pageArgs: PageArgs;
  /** The search as typed (for the box) and, once typing pauses, trimmed (for the query). */
  search: string;
  settledSearch: string;
  /** The URL's search params, for the list's own filters. */
  params: URLSearchParams;
  /** Opens a page as a new history entry (or in place of the current one). */
  goTo: (page: number, options?: { replace?: boolean }) => void;
  /** Sets a filter in the URL (removed when '') and returns to page 1, in place of the entry. */
  setFilter: (key: string, value: string) => void;
  setSearch: (value: string) => void;
}

/**
 * A list's page and filters in the URL. `page` names its page parameter (two lists on one screen
 * need two); `search` names its search parameter, if it has a search box.
 */
export function useListParams({ page: pageParam = 'page', search: searchParam }: { page?: string; search?: string } = {}): ListParams {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get(pageParam));
  const search = searchParam ? (params.get(searchParam) ?? '') : '';
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);

  const goTo = useCallback(
    (next: number, { replace = false } = {}) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next > 1) updated.set(pageParam, String(next));
          else updated.delete(pageParam);
          return updated;
        },
        { replace },
      ),
    [setParams, pageParam],
  );
  const setFilter = useCallback(
    (key: string, value: string) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (value) updated.set(key, value);
          else updated.delete(key);
          updated.delete(pageParam);
          return updated;
        },
        { replace: true },
      ),
    [setParams, pageParam],
  );
  const setSearch = useCallback(
    (value: string) => {
      if (searchParam) setFilter(searchParam, value);
    },
    [setFilter, searchParam],
  );

  return { page, pageArgs: pageArgs(page, NETWORK_PAGE_SIZE), search, settledSearch, params, goTo, setFilter, setSearch };
}

/** A connection as the API returns it. */
interface Connection<Node> {
  totalCount: number;
  edges: Array<{ node: Node | null } | null>;
}

export interface PagedResult<Node> {
  /** The page on screen: the last one loaded, kept while the next loads. */
  page: { rows: Node[]; total: number } | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  /** Loads the page again from the server (after a change, or to retry). */
  refresh: () => void;
}

/**
 * The query for one page of a list; `connectionOf` picks the list from the answer. A page past
 * the end (its last rows were removed, or an old link) gives way to the last page.
 */
export function usePagedQuery<Data, Variables extends AnyVariables, Node>(
  list: ListParams,
  args: UseQueryArgs<Variables, Data>,
  connectionOf: (data: Data) => Connection<Node>,
): PagedResult<Node> & { data: Data | undefined } {
  const [{ data: loaded, fetching, error }, reexecute] = useQuery<Data, Variables>(args);
  const data = useLatest(loaded);
  // Only the answer for the URL as it is now may move the page: not the one urql keeps on
  // while the next loads, nor one for a search still being typed.
  const current = loaded !== undefined && !fetching && list.settledSearch === list.search.trim();
  const lastPage = current ? pageCount(connectionOf(loaded).totalCount, NETWORK_PAGE_SIZE) : null;
  const { page, goTo } = list;
  useEffect(() => {
    if (lastPage !== null && page > lastPage) goTo(lastPage, { replace: true });
  }, [lastPage, page, goTo]);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const connection = data === undefined ? undefined : connectionOf(data);
  return {
    data,
    page: connection && {
      rows: connection.edges.flatMap((edge) => (edge?.node ? [edge.node] : [])),
      total: connection.totalCount,
    },
    fetching,
    error,
    refresh,
  };
}

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
}) {
  const { page, error, fetching, refresh } = result;
  if (!page) {
    return error ? <ErrorState error={error} onRetry={refresh} /> : <TableSkeleton rows={skeletonRows} />;
  }
  if (page.rows.length === 0) return <>{empty}</>;
  return (
    <>
      {error && <ErrorState error={error} onRetry={refresh} />}
      <DataTable stackOnPhone caption={caption} columns={columns} data={page.rows} getRowId={(row) => row.id} busy={fetching} />
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
  if (total <= NETWORK_PAGE_SIZE) return null;
  const pages = pageCount(total, NETWORK_PAGE_SIZE);
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
        pageSize={NETWORK_PAGE_SIZE}
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
