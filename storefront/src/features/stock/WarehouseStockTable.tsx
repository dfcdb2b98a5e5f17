import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, WarehouseStockPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import { incomingText } from './AvailabilityLine';
import { placeOf } from './place';
import { StockQuantityText } from './StockQuantityText';

const column = createColumnHelper<WarehouseStockPartsFragment>();

/**
 * One variant's stock per warehouse the viewer sees: the warehouse, its city and region, what
 * is available and what is coming with the expected dates. A card per warehouse on a phone.
 */
export function WarehouseStockTable({ caption, stock, unit }: { caption: string; stock: WarehouseStockPartsFragment[]; unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor((row) => row.warehouse.name, {
        id: 'warehouse',
        header: () => t('availability.columns.warehouse'),
        enableSorting: false,
      }),
      column.accessor((row) => placeOf(row.warehouse), {
        id: 'city',
        header: () => t('availability.columns.city'),
        enableSorting: false,
      }),
      column.display({
        id: 'available',
        header: () => t('availability.columns.available'),
        cell: ({ row }) => <StockQuantityText quantity={row.original.available} unit={unit} />,
        meta: { align: 'end', className: 'ui-nowrap' },
      }),
      column.display({
        id: 'incoming',
        header: () => t('availability.columns.incoming'),
        cell: ({ row }) =>
          row.original.incoming.length === 0 ? (
            '—'
          ) : (
            <ul className="warehouse-stock__incoming">
              {row.original.incoming.map((incoming) => (
                <li key={incoming.expectedDate}>
                  {t('availability.incomingOn', {
                    quantity: incomingText(t, format, incoming.quantity, unit),
                    date: format.date(incoming.expectedDate),
                  })}
                </li>
              ))}
            </ul>
          ),
      }),
    ],
    [t, format, unit],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={stock}
      getRowId={(row) => row.warehouse.id}
      stackOnPhone
      empty={t('availability.noWarehouses')}
    />
  );
}
