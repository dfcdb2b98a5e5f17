/** Stock as the inventory API answers it, for the stock components' tests. */
import type { StockQuantityPartsFragment, WarehouseStockPartsFragment } from '../../gql/graphql';

export const exact = (quantity: string): StockQuantityPartsFragment => ({
  exact: quantity,
  band: Number(quantity) === 0 ? 'NONE' : Number(quantity) < 10 ? 'FEW' : 'OVER_10',
  inStock: Number(quantity) > 0,
});
export const band = (value: StockQuantityPartsFragment['band']): StockQuantityPartsFragment => ({
  exact: null,
  band: value,
  inStock: value !== 'NONE',
});

export function warehouseStock(
  id: string,
  name: string,
  city: string,
  available: StockQuantityPartsFragment,
  incoming: { quantity: StockQuantityPartsFragment; expectedDate: string }[] = [],
  pickupAllowed = false,
): WarehouseStockPartsFragment {
  return { warehouse: { id, name, city, region: city === 'Москва' ? 'Москва' : 'Краснодарский край', pickupAllowed }, available, incoming };
}
