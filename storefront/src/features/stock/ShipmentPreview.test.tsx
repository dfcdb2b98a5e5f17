import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AllocationPreviewPartsFragment } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { ShipmentPreview } from './ShipmentPreview';
import { twoShipments } from './shipmentFixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function show(preview: AllocationPreviewPartsFragment, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/', answers: {}, language, element: <ShipmentPreview preview={preview} /> });
}

describe('the shipment preview', () => {
  it('lists each shipment: warehouse and place, lines with the pre-ordered part, carrier, cost and dates; then the totals', () => {
    show(twoShipments());
    expect(screen.getByTestId('shipment-summary').textContent).toBe('2 отгрузки');
    const [moscow, krasnodar] = screen.getAllByTestId('shipment');
    expect(plain(moscow?.textContent)).toContain('Отгрузка 1 из 2Склад МоскваМосква');
    expect(plain(moscow?.textContent)).toContain('KR-FAS-0001-0.9L40 шт.');
    expect(plain(moscow?.textContent)).toContain('ПеревозчикДеловые Линии');
    expect(plain(moscow?.textContent)).toContain('Стоимость8 200,00 ₽');
    expect(plain(moscow?.textContent)).toContain('Готово к отгрузке01.12.2026');
    expect(plain(moscow?.textContent)).toContain('Доставка13.12.2026 (в пути 12 дней)');
    expect(within(krasnodar!).getByText('ожидается 05.12.2026')).toBeTruthy();
    expect(plain(screen.getByTestId('shipment-totals').textContent)).toBe('Доставка всего12 400,00 ₽Всё придёт18.12.2026');
    expect(screen.queryByTestId('shortfalls')).toBeNull();
  });

  it('shows pickup at a warehouse as free, ready on its date', () => {
    const preview = twoShipments();
    preview.shipments = [
      { ...preview.shipments[0]!, pickup: true, carrier: null, deliveryCost: { amount: '0.00', currency: 'RUB' }, transitDays: null, deliveryDate: '2026-12-01' },
    ];
    preview.deliveryCost = { amount: '0.00', currency: 'RUB' };
    preview.deliveryDate = '2026-12-01';
    show(preview);
    const shipment = screen.getByTestId('shipment');
    expect(plain(shipment.textContent)).toContain('ПеревозчикСамовывоз');
    expect(plain(shipment.textContent)).toContain('Стоимостьбесплатно');
    expect(plain(shipment.textContent)).toContain('Можно забрать01.12.2026');
    expect(shipment.textContent).not.toContain('в пути');
  });

  it('names what is missing: the SKU, the missing quantity of the requested, and why', () => {
    const preview = twoShipments();
    preview.complete = false;
    preview.deliveryDate = null;
    preview.shipments = preview.shipments.slice(0, 1);
    preview.shortfalls = [
      { sku: 'KR-FAS-0001-2.5L', requested: '30.000', missing: '18.000', code: 'PREORDER_NOT_ALLOWED', variant: { id: 'PV2', unit: 'PCS' } },
    ];
    show(preview);
    expect(screen.getByTestId('shipment-summary').textContent).toBe('1 отгрузка · не всё удаётся отправить');
    expect(plain(screen.getByTestId('shortfalls').textContent)).toBe(
      'Не хватаетKR-FAS-0001-2.5L — не хватает 18 шт. из 30 шт.предзаказ этого товара недоступен',
    );
    expect(plain(screen.getByTestId('shipment-totals').textContent)).toContain('Всё придётне известно');
  });

  it('says so when there is nothing to send', () => {
    show({ complete: true, deliveryDate: null, deliveryCost: null, shipments: [], shortfalls: [], errors: [] });
    expect(screen.getByText('Отправлять нечего: укажите количество.')).toBeTruthy();
    expect(screen.queryByTestId('shipment')).toBeNull();
  });

  it('shows the API’s refusal instead of a plan', () => {
    show({
      complete: false,
      deliveryDate: null,
      deliveryCost: null,
      shipments: [],
      shortfalls: [],
      errors: [{ field: 'address', code: 'NO_DELIVERY_ZONE', message: 'No delivery zone serves Чукотский автономный округ.', skus: [] }],
    });
    expect(screen.getByRole('alert').textContent).toBe('Не удалось рассчитать доставкуВ этот регион мы пока не доставляем.');
  });

  it('names the SKUs an input error is about', () => {
    show({
      complete: false,
      deliveryDate: null,
      deliveryCost: null,
      shipments: [],
      shortfalls: [],
      errors: [{ field: 'lines', code: 'FRACTIONAL_QUANTITY', message: 'Whole units only: KR-FAS-0001-0.9L.', skus: ['KR-FAS-0001-0.9L'] }],
    });
    expect(screen.getByRole('alert').textContent).toMatch(/KR-FAS-0001-0\.9L$/);
  });

  it('speaks English', () => {
    show(twoShipments(), 'en');
    expect(screen.getByTestId('shipment-summary').textContent).toBe('2 shipments');
    expect(plain(screen.getAllByTestId('shipment')[0]?.textContent)).toContain('Delivery13/12/2026 (12 days in transit)');
    expect(plain(screen.getByTestId('shipment-totals').textContent)).toBe('Delivery in totalRUB 12,400.00Everything arrives18/12/2026');
  });
});
