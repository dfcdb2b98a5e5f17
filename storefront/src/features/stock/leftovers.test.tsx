import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { center, leftover, PAINT, staff, stockManager } from './testData';

const page = (...rows: (typeof leftover)[]) => ({ leftovers: { totalCount: rows.length, edges: rows.map((node) => ({ node })) } });

function open(path: string, answers: Record<string, Answer>) {
  return renderApp({ path, answers: { Me: me(1, 0), StockLeftovers: page(leftover), ...answers } });
}

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name);

describe('/stock/leftovers for a buyer', () => {
  it('shows the seller’s published leftovers with what is available and the discount, linked to the product', async () => {
    const { api } = open('/stock/leftovers', {});
    const table = await screen.findByRole('table', { name: 'Распродажа поставщика' });
    const row = within(table).getByRole('link', { name: 'KR-FAS-09' }).closest('tr')!;
    expect(within(table).getByRole('link', { name: 'KR-FAS-09' }).getAttribute('href')).toBe('/product/kraska-fasadnaia?variant=KR-FAS-09');
    expect(row.textContent).toMatch(/−15\s%/);
    expect(row.textContent).toContain('Коробки с повреждённой упаковкой');
    expect(row.textContent).toContain('Москва');
    expect(screen.queryByRole('heading', { name: 'Мои остатки на распродаже' })).toBeNull();
    expect(calls(api.calls, 'StockLeftovers').map((c) => c.variables.filter)).toEqual([{ mine: false, search: null }]);
  });

  it('says when the seller has nothing on sale', async () => {
    open('/stock/leftovers', { StockLeftovers: page() });
    expect(await screen.findByText('Сейчас распродаж нет')).toBeTruthy();
  });

  it('is closed to staff, who buy from nobody and manage no sale', async () => {
    open('/stock/leftovers', { Me: staff('MANAGE_CATALOG') });
    expect(await screen.findByText('Нет доступа к складам')).toBeTruthy();
  });
});

describe('/stock/leftovers for a dealer that manages stock', () => {
  const warehouses = { warehouses: { totalCount: 1, edges: [{ node: center }] } };

  it('lists its own offers beside its seller’s, and puts a new one on sale', async () => {
    let attempt = 0;
    const { api } = open('/stock/leftovers', {
      Me: stockManager(),
      StockLeftovers: (call: ApiCall) => ((call.variables.filter as { mine: boolean }).mine ? page({ ...leftover, isPublished: false }) : page()),
      StockWarehouses: warehouses,
      PriceVariantSearch: { products: { edges: [{ node: { id: 'P2', name: PAINT.product.name, variants: [{ id: PAINT.id, sku: PAINT.sku, name: PAINT.name }] } }] } },
      StockLeftoverSave: () => {
        attempt += 1;
        return attempt === 1
          ? { leftoverSave: { leftover: null, errors: [{ field: 'discountPercent', code: 'INVALID_QUANTITY', message: 'The discount is between 0 and 100.', skus: null }] } }
          : { leftoverSave: { leftover, errors: [] } };
      },
    });
    const mine = await screen.findByRole('table', { name: 'Мои остатки на распродаже' });
    expect(within(mine).getByText('черновик')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Разделы складов' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Выставить остаток' }));
    const dialog = screen.getByRole('dialog', { name: 'Остаток на распродажу' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Товар (артикул или название)' }), 'KR-FAS');
    await user.click(await within(dialog).findByRole('option', { name: /KR-FAS-09/ }));
    await user.type(within(dialog).getByLabelText('Сколько продаём'), '50');
    await user.type(within(dialog).getByLabelText('Скидка, %'), '15');
    await user.type(within(dialog).getByLabelText('Примечание'), 'Уценка');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('The discount is between 0 and 100.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Распродажа сохранена')).toBeTruthy();
    expect(calls(api.calls, 'StockLeftoverSave')[0]?.variables).toEqual({
      input: { warehouse: 'W1', variant: PAINT.id, quantity: '50', discountPercent: '15', note: 'Уценка', isPublished: true },
    });
  });

  it('withdraws an offer after asking', async () => {
    const { api } = open('/stock/leftovers', {
      Me: stockManager(),
      StockLeftovers: (call: ApiCall) => ((call.variables.filter as { mine: boolean }).mine ? page(leftover) : page()),
      StockLeftoverDelete: { leftoverDelete: { errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Снять с продажи: KR-FAS-09' }));
    const dialog = screen.getByRole('dialog', { name: 'Снять KR-FAS-09 с распродажи?' });
    await user.click(within(dialog).getByRole('button', { name: 'Снять с продажи' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls(api.calls, 'StockLeftoverDelete')[0]?.variables).toEqual({ id: 'LO1' });
  });
});

describe('the home screen’s «Распродажа» link', () => {
  const feed = { announcements: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }, announcementsUnreadCount: 0 };

  it('appears for a buyer whose seller has leftovers on sale', async () => {
    open('/', { AnnouncementFeed: feed, StockLeftoversOnSale: { leftovers: { totalCount: 3 } } });
    const link = await screen.findByRole('link', { name: 'Распродажа: 3 предложения' });
    expect(link.getAttribute('href')).toBe('/stock/leftovers');
  });

  it('is absent when there are none', async () => {
    open('/', { AnnouncementFeed: feed });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: /Распродажа/ })).toBeNull();
  });
});
