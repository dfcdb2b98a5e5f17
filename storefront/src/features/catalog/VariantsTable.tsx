import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import type { Variant } from './productTypes';
import { valuesText, variantLabel } from './productText';

const column = createColumnHelper<Variant>();

/** All variants side by side (wide screens); the chosen one is marked. */
export function VariantsTable({
  caption,
  variants,
  chosenId,
}: {
  caption: string;
  variants: Variant[];
  chosenId: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();

  const columns = useMemo(
    () => [
      column.accessor('sku', {
        header: () => t('product.columns.sku'),
        cell: ({ getValue }) => <span className="sku">{getValue()}</span>,
      }),
      column.accessor('name', {
        header: () => t('product.columns.name'),
        // Rendered from the row, not the accessor's value: the table caches values per row,
        // and the label changes with the interface language.
        cell: ({ row }) => variantLabel(format, row.original),
      }),
      column.accessor((variant) => variant.attributes.map((a) => valuesText(format, a)).join('; '), {
        id: 'attributes',
        header: () => t('product.columns.attributes'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.attributes.length ? (
            <span className="variant-attributes">
              {row.original.attributes.map((attribute) => (
                <span key={attribute.attribute.id}>
                  <span className="variant-attributes__name">{attribute.attribute.name}:</span>{' '}
                  {valuesText(format, attribute)}
                </span>
              ))}
            </span>
          ) : (
            '—'
          ),
        meta: { className: 'ui-col-wide' },
      }),
      column.accessor('unit', {
        header: () => t('product.columns.unit'),
        cell: ({ getValue }) => format.unit(getValue()),
      }),
      column.accessor((variant) => Number(variant.packSize), {
        id: 'packSize',
        header: () => t('product.columns.packSize'),
        cell: ({ row }) => format.quantity(row.original.packSize, row.original.unit),
        meta: { align: 'end', className: 'ui-nowrap' },
      }),
      column.accessor((variant) => Number(variant.minOrderQuantity), {
        id: 'minOrderQuantity',
        header: () => t('product.columns.minOrderQuantity'),
        cell: ({ row }) => format.quantity(row.original.minOrderQuantity, row.original.unit),
        meta: { align: 'end', className: 'ui-nowrap' },
      }),
      column.accessor((variant) => Number(variant.orderMultiple), {
        id: 'orderMultiple',
        header: () => t('product.columns.orderMultiple'),
        cell: ({ row }) => format.quantity(row.original.orderMultiple, row.original.unit),
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
      column.accessor((variant) => (variant.weightKg === null ? -1 : Number(variant.weightKg)), {
        id: 'weightKg',
        header: () => t('product.columns.weight'),
        cell: ({ row }) => format.quantity(row.original.weightKg, 'KG'),
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
      column.accessor((variant) => (variant.volumeM3 === null ? -1 : Number(variant.volumeM3)), {
        id: 'volumeM3',
        header: () => t('product.columns.volume'),
        cell: ({ row }) => format.quantity(row.original.volumeM3, 'M3', 6),
        meta: { align: 'end', className: 'ui-col-wide ui-nowrap' },
      }),
    ],
    [t, format],
  );

  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={variants}
      getRowId={(variant) => variant.id}
      isRowCurrent={(variant) => variant.id === chosenId}
    />
  );
}
