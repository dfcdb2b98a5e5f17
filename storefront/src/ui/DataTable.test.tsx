import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createColumnHelper } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

interface Row {
  sku: string;
  packSize: number;
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('sku', { header: 'SKU' }),
  column.accessor('packSize', { header: 'Pack', meta: { align: 'end' } }),
];
const rows: Row[] = [
  { sku: 'B-2', packSize: 6 },
  { sku: 'A-1', packSize: 12 },
  { sku: 'C-3', packSize: 1 },
];

const skus = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('DataTable', () => {
  it('is a named table whose sortable headers are buttons that announce the order', async () => {
    render(<DataTable caption="Variants" columns={columns} data={rows} getRowId={(row) => row.sku} />);
    expect(screen.getByRole('table', { name: 'Variants' })).toBeTruthy();
    const header = screen.getByRole('columnheader', { name: 'Pack' });
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(header.className).toContain('ui-cell--end');

    await userEvent.setup().click(within(header).getByRole('button'));

    expect(header.getAttribute('aria-sort')).not.toBe('none');
    expect(skus()).not.toEqual(['B-2', 'A-1', 'C-3']);
  });

  it('leaves sorting to the server when asked and reports the wish', async () => {
    const wishes: unknown[] = [];
    render(
      <DataTable
        caption="Products"
        columns={columns}
        data={rows}
        getRowId={(row) => row.sku}
        manualSorting
        sorting={[{ id: 'sku', desc: false }]}
        onSortingChange={(updater) => wishes.push(typeof updater === 'function' ? updater([{ id: 'sku', desc: false }]) : updater)}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'SKU' }).getAttribute('aria-sort')).toBe('ascending');

    await userEvent.setup().click(screen.getByRole('button', { name: 'SKU' }));

    expect(skus()).toEqual(['B-2', 'A-1', 'C-3']);
    expect(wishes).toEqual([[{ id: 'sku', desc: true }]]);
  });

  it('labels each cell with its column header when rows stack into cards on a phone', () => {
    render(<DataTable caption="Variants" columns={columns} data={rows} getRowId={(row) => row.sku} stackOnPhone />);
    expect(screen.getByRole('table').className).toContain('ui-table--stack');
    const cells = within(screen.getAllByRole('row')[1] as HTMLElement).getAllByRole('cell');
    expect(cells.map((cell) => cell.getAttribute('data-label'))).toEqual(['SKU', 'Pack']);
  });
});
