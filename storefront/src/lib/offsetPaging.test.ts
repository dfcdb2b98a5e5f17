import { describe, expect, it } from 'vitest';
import { offsetCursor, pageArgs, pageCount, parsePage } from './offsetPaging';

describe('offset paging', () => {
  it('writes cursors as graphql-relay does on the server', () => {
    // offset_to_cursor(24) in graphql-relay (Python): base64 of "arrayconnection:24".
    expect(offsetCursor(24)).toBe('YXJyYXljb25uZWN0aW9uOjI0');
  });

  it('opens page n after the last row of page n - 1', () => {
    expect(pageArgs(1, 25)).toEqual({ first: 25 });
    expect(pageArgs(2, 25)).toEqual({ first: 25, after: offsetCursor(24) });
    expect(pageArgs(4, 25)).toEqual({ first: 25, after: offsetCursor(74) });
  });

  it('counts pages, an empty list being one page', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it('reads a page number from the URL, falling back to the first page', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(null)).toBe(1);
    expect(parsePage('0')).toBe(1);
    expect(parsePage('-2')).toBe(1);
    expect(parsePage('two')).toBe(1);
  });
});
