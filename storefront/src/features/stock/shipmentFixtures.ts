/** A shipment preview as the allocationPreview query answers it, for the tests. */
import type { AllocationPreviewPartsFragment } from '../../gql/graphql';

/** Two shipments to Vladivostok: 40 cans from Moscow by road, 20 from Krasnodar of which 8 pre-ordered. */
export function twoShipments(): AllocationPreviewPartsFragment {
  const can = { id: 'PV1', name: '0,9 л', unit: 'PCS' as const };
  return {
    complete: true,
    deliveryDate: '2026-12-18',
    deliveryCost: { amount: '12400.00', currency: 'RUB' },
    shipments: [
      {
        warehouse: { id: 'W1', name: 'Склад Москва', city: 'Москва', region: 'Москва' },
        lines: [{ sku: 'KR-FAS-0001-0.9L', quantity: '40.000', preorder: false, expectedDate: null, variant: can }],
        readyDate: '2026-12-01',
        pickup: false,
        carrier: { id: 'C1', name: 'Деловые Линии' },
        deliveryCost: { amount: '8200.00', currency: 'RUB' },
        transitDays: 12,
        deliveryDate: '2026-12-13',
        problem: null,
      },
      {
        warehouse: { id: 'W2', name: 'Склад Краснодар', city: 'Краснодар', region: 'Краснодарский край' },
        lines: [
          { sku: 'KR-FAS-0001-0.9L', quantity: '12.000', preorder: false, expectedDate: null, variant: can },
          { sku: 'KR-FAS-0001-0.9L', quantity: '8.000', preorder: true, expectedDate: '2026-12-05', variant: can },
        ],
        readyDate: '2026-12-06',
        pickup: false,
        carrier: { id: 'C2', name: 'ПЭК' },
        deliveryCost: { amount: '4200.00', currency: 'RUB' },
        transitDays: 12,
        deliveryDate: '2026-12-18',
        problem: null,
      },
    ],
    shortfalls: [],
    errors: [],
  };
}
