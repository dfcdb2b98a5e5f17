/** The query for one page of a list whose page and filters live in the URL (useListParams). */
import { useCallback, useEffect } from 'react';
import { useQuery, type AnyVariables, type CombinedError, type UseQueryArgs } from 'urql';
import { pageCount } from './offsetPaging';
import { LIST_PAGE_SIZE, type ListParams } from './useListParams';
import { useLatest } from './useLatest';

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
  const lastPage = current ? pageCount(connectionOf(loaded).totalCount, LIST_PAGE_SIZE) : null;
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
