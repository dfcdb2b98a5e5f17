/**
 * Numbered pages over the API's cursor connections. The server's cursors are graphql-relay's
 * offset cursors (base64 of `arrayconnection:<offset>`), so the cursor that opens any page
 * follows from its number: a page in the URL is enough to load it, with no cursor kept there.
 */

/** graphql-relay's cursor for the row at `offset` (0-based), as the server writes it. */
export function offsetCursor(offset: number): string {
  return btoa(`arrayconnection:${offset}`);
}

export interface PageArgs {
  first: number;
  after?: string;
}

/** The connection arguments for page `page` (1-based) of `pageSize` rows. */
export function pageArgs(page: number, pageSize: number): PageArgs {
  return page > 1 ? { first: pageSize, after: offsetCursor((page - 1) * pageSize - 1) } : { first: pageSize };
}

/** How many pages `total` rows fill (at least one, so an empty list is page 1 of 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The page number in a URL parameter; 1 for a missing or malformed one. */
export function parsePage(value: string | null): number {
  if (!value || !/^\d+$/.test(value)) return 1;
  return Math.max(1, Number(value));
}
