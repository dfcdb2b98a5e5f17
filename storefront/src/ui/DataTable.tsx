import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers align to the end. */
    align?: 'start' | 'end';
    /** Extra class on the header and cells, e.g. `ui-col-wide` (hidden on narrow screens). */
    className?: string;
  }
}

export interface DataTableProps<T> {
  /** Names the table for screen readers. */
  caption: string;
  // Column value types differ per column, so the list is typed loosely (as TanStack does).
  columns: ColumnDef<T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  /** Controlled sorting. With `manualSorting` the server sorts and only the state is kept. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  manualSorting?: boolean;
  /** Dims the rows while newer data loads. */
  busy?: boolean;
  empty?: ReactNode;
  /** On a phone, show each row as a card of label–value lines instead of scrolling sideways. */
  stackOnPhone?: boolean;
  /** Marks the row chosen elsewhere on the page (`aria-current`), e.g. the variant being ordered. */
  isRowCurrent?: (row: T) => boolean;
}

/** A sortable, accessible table over TanStack Table (headless) with the portal's look. */
export function DataTable<T>({
  caption,
  columns,
  data,
  getRowId,
  sorting,
  onSortingChange,
  manualSorting = false,
  busy = false,
  empty,
  stackOnPhone = false,
  isRowCurrent,
}: DataTableProps<T>) {
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: sorting ? { sorting } : {},
    ...(onSortingChange ? { onSortingChange } : {}),
    manualSorting,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    ...(manualSorting ? {} : { getSortedRowModel: getSortedRowModel() }),
  });

  return (
    <div className="ui-table-wrap" aria-busy={busy || undefined}>
      <table className={['ui-table', busy ? 'ui-table--busy' : '', stackOnPhone ? 'ui-table--stack' : ''].join(' ')}>
        <caption className="ui-visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const classes = [meta?.align === 'end' ? 'ui-cell--end' : '', meta?.className ?? '']
                  .filter(Boolean)
                  .join(' ');
                const content = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={classes || undefined}
                    aria-sort={
                      header.column.getCanSort()
                        ? sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : 'none'
                        : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="ui-table__sort"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {content}
                        <SortIcon direction={sorted} />
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} aria-current={isRowCurrent?.(row.original) || undefined}>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const classes = [meta?.align === 'end' ? 'ui-cell--end' : '', meta?.className ?? '']
                  .filter(Boolean)
                  .join(' ');
                const header = cell.column.columnDef.header;
                return (
                  <td
                    key={cell.id}
                    className={classes || undefined}
                    data-label={stackOnPhone && typeof header === 'string' ? header : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
          {data.length === 0 && empty && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <svg className="ui-table__sort-icon" viewBox="0 0 12 16" aria-hidden focusable="false">
      <path d="M6 2 2 7h8z" fill="currentColor" opacity={direction === 'asc' ? 1 : 0.3} />
      <path d="M6 14 2 9h8z" fill="currentColor" opacity={direction === 'desc' ? 1 : 0.3} />
    </svg>
  );
}
