/** Stock as the inventory API answers it, for the stock components' tests. */
import { productDetail } from '../../test/fixtures';
import type { ProductDetailQuery, StockQuantityPartsFragment, WarehouseStockPartsFragment } from '../../gql/graphql';

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

/** The fixture's 0.9 l can: 140 in Moscow (pickup there), a few in Krasnodar with 24 coming on 10.12. */
export function stockedProduct(): ProductDetailQuery {
  const product = structuredClone(productDetail.product) as NonNullable<ProductDetailQuery['product']>;
  const can = product.variants[0]!;
  can.availability = { inStock: true, nextIncomingDate: '2026-12-10', available: band('OVER_100') };
  can.stock = [
    warehouseStock('W1', 'Склад Москва', 'Москва', exact('140.000'), [], true),
    warehouseStock('W2', 'Склад Краснодар', 'Краснодар', band('FEW'), [{ quantity: exact('24.000'), expectedDate: '2026-12-10' }]),
  ];
  return { product };
}
