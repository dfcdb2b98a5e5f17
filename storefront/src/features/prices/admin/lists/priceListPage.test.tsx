import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer } from '../../../../test/render';
import { derivedList, entriesPage, resaleList } from './testData';

const dealer = () => me(1, 0, { admin: true });
const staff = () => me(1, 0, { staffPermissions: ['MANAGE_PRICES'] });

function open(path: string, answers: Record<string, Answer>, viewer = dealer()) {
  return renderApp({
    path,
    answers: { Me: viewer, PriceListDetail: { priceList: resaleList }, PriceListEntriesPage: entriesPage, ...answers },
  });
}

afterEach(() => vi.useRealTimers());

describe('one price list', () => {
  it('shows its settings, a link to its assignments, and its prices per variant with their tiers', async () => {
    open('/prices/lists/L1', {});
    const settings = await screen.findByRole('region', { name: 'Настройки' });
    expect(settings.textContent).toContain('Столичный дом красок');
    expect(settings.textContent).toContain('Цены с НДС');
    expect(within(settings).getByRole('link', { name: 'Назначения (1)' }).getAttribute('href')).toBe('/prices/assignments?list=L1');
    const door = await screen.findByTestId('entry-DV-OAK-700');
    expect(door.textContent).toMatch(/от 1 шт\.\s*14\s500,00\s₽/);
    expect(door.textContent).toMatch(/от 10 шт\.\s*13\s900,00\s₽/);
    expect(screen.getByTestId('entry-KR-FAS-09').textContent).toContain('890,00');
  });

  it('says when the list is not there, and when it has no prices', async () => {
    open('/prices/lists/L404', { PriceListDetail: { priceList: null } });
    expect(await screen.findByText('Прайс-лист не найден')).toBeTruthy();
  });

  it('shows an empty list and a failed load', async () => {
    open('/prices/lists/L1', { PriceListEntriesPage: { priceListEntries: { totalCount: 0, edges: [] } } });
    expect(await screen.findByText('В прайс-листе пока нет цен')).toBeTruthy();
  });

  it("lets staff read a dealer's list without editing it", async () => {
    open('/prices/lists/L1', {}, staff());
    await screen.findByTestId('entry-DV-OAK-700');
    expect(screen.queryByRole('button', { name: 'Изменить настройки' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Изменить цены на %' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Скачать xlsx' })).toBeTruthy();
  });

  it('refuses a fallback that loops, at the fallback field', async () => {
    const { api } = open('/prices/lists/L1', {
      PriceListSearch: { priceLists: { edges: [{ node: { id: 'L5', name: 'Краски для Гатчины', currency: 'RUB' } }] } },
      PriceListUpdate: {
        priceListUpdate: {
          priceList: null,
          errors: [{ field: 'fallback', code: 'FALLBACK_CYCLE', message: 'The fallbacks loop.', skus: null, listIds: ['L1', 'L5'] }],
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить настройки' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: 'Запасной прайс-лист' }), 'Крас');
    await user.click(await within(dialog).findByRole('option', { name: /Краски для Гатчины/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Запасные прайс-листы ссылаются друг на друга по кругу.')).toBeTruthy();
    expect(api.calls.find((c) => c.operation === 'PriceListUpdate')?.variables).toMatchObject({ id: 'L1', input: { fallback: 'L5', name: 'Прайс для субдилеров' } });
  });

  it('deletes only after a confirmation; LIST_IN_USE names the lists in the way', async () => {
    open('/prices/lists/L1', {
      PriceListDelete: {
        priceListDelete: {
          deletedId: null,
          errors: [{ field: 'id', code: 'LIST_IN_USE', message: 'Other lists fall back to this list.', skus: null, listIds: ['L5'] }],
        },
      },
      PriceListName: { priceList: { id: 'L5', name: 'Краски для Гатчины' } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить «Прайс для субдилеров»?' });
    expect(dialog.textContent).toContain('Удалятся все цены прайс-листа (3) и 1 назначение.');
    await user.click(within(dialog).getByRole('button', { name: 'Удалить прайс-лист' }));
    expect(await within(dialog).findByText('Прайс-лист используется другими прайс-листами (как запасной или исходный).')).toBeTruthy();
    expect((await within(dialog).findByRole('link', { name: 'Краски для Гатчины' })).getAttribute('href')).toBe('/prices/lists/L5');
  });

  it("recomputes a derived list and follows the job until it is done; a failure is shown", async () => {
    let polls = 0;
    const { api } = open(
      '/prices/lists/L2',
      {
        PriceListDetail: { priceList: derivedList },
        PriceListRecomputeStart: { priceListRecompute: { job: { id: 'J1', status: 'PENDING', listsTotal: 2, listsDone: 0, errorCode: null, errorMessage: null }, errors: [] } },
        RecomputeJobPoll: () => {
          polls += 1;
          return { recomputeJob: { id: 'J1', status: polls < 2 ? 'RUNNING' : 'DONE', listsTotal: 2, listsDone: polls < 2 ? 1 : 2, errorCode: null, errorMessage: null } };
        },
      },
      staff(),
    );
    const settings = await screen.findByRole('region', { name: 'Настройки' });
    expect(settings.textContent).toMatch(/Базовый прайс\s*× 0,92/);
    expect(screen.queryByRole('button', { name: 'Изменить цены на %' })).toBeNull(); // derived: computed
    const user = userEvent.setup();
    const entryLoads = () => api.calls.filter((c) => c.operation === 'PriceListEntriesPage').length;
    await screen.findByTestId('entry-DV-OAK-700');
    const loadsBefore = entryLoads();
    await user.click(within(settings).getByRole('button', { name: 'Пересчитать' }));
    expect(await within(settings).findByText('Пересчитано 0 из 2')).toBeTruthy();
    expect(await within(settings).findByText('Пересчитано 1 из 2', {}, { timeout: 3000 })).toBeTruthy();
    expect(await within(settings).findByText('Пересчитано 2 прайс-листа', {}, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(entryLoads()).toBeGreaterThan(loadsBefore)); // the new prices shown
    const count = api.calls.filter((c) => c.operation === 'RecomputeJobPoll').length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
    expect(api.calls.filter((c) => c.operation === 'RecomputeJobPoll')).toHaveLength(count); // done: no more asking
  });

  it('shows a failed recomputation with its reason', async () => {
    open(
      '/prices/lists/L2',
      {
        PriceListDetail: { priceList: derivedList },
        PriceListRecomputeStart: { priceListRecompute: { job: { id: 'J2', status: 'RUNNING', listsTotal: 1, listsDone: 0, errorCode: null, errorMessage: null }, errors: [] } },
        RecomputeJobPoll: { recomputeJob: { id: 'J2', status: 'FAILED', listsTotal: 1, listsDone: 0, errorCode: 'INVALID_FORMULA', errorMessage: 'A price fell to zero.' } },
      },
      staff(),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Пересчитать' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Пересчёт не удался');
    expect(alert.textContent).toContain('A price fell to zero.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Пересчитать' })).toBeTruthy());
  });
});
