/**
 * A paged list's page and filters in the URL, paged as the catalog is: a link or a reload shows
 * the same page, Back and Forward step through the pages, and a new search or filter starts
 * again at page 1.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { pageArgs, parsePage, type PageArgs } from './offsetPaging';
import { useDebouncedValue } from './useDebouncedValue';

/** Rows on a page of every paged list. */
export const LIST_PAGE_SIZE = 25;
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

  return { page, pageArgs: pageArgs(page, LIST_PAGE_SIZE), search, settledSearch, params, goTo, setFilter, setSearch };
}
