import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';
import { waitedFor } from './age';
import { dealerModerator, queueAnswer, queueRow } from './moderationFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);
const lastCall = (all: ApiCall[], name: string) => calls(all, name).at(-1);
const staff = () => me(1, 0, { staffPermissions: ['MODERATE_ORDERS'] });

function open(path: string, answers: Record<string, Answer>, viewer = staff(), language: 'ru' | 'en' = 'ru') {
  return renderApp({ path, showLocation: true, language, answers: { Me: viewer, ...answers } });
}

describe('/moderation', () => {
  it('lists the queue oldest first with its total, age, state, over-credit mark and moderator', async () => {
    const rows = [
      queueRow(1, { moderation: { state: 'ON_MODERATION', version: 3, overCredit: true, submittedAt: '2026-11-20T10:15:00+03:00', moderator: { fullName: 'Пётр Модераторов' } } }),
      queueRow(2),
    ];
    const { api } = open('/moderation', { ModerationQueue: queueAnswer(rows, 31) });
    const table = await screen.findByRole('table', { name: 'Модерация заказов' });
    expect(within(table).getByRole('link', { name: '26-00001' }).getAttribute('href')).toBe('/moderation/OR1');
    expect(within(table).getByText('Сверх кредита')).toBeTruthy();
    expect(within(table).getByText('Пётр Модераторов')).toBeTruthy();
    expect(within(table).getAllByText('Ждёт модерации')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: '31 заказ на модерации' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Страницы очереди модерации' })).toBeTruthy();
    expect(lastCall(api.calls, 'ModerationQueue')).toMatchObject({ first: 25, sort: { field: 'AGE', direction: 'ASC' }, filter: { states: null } });
    expect(screen.getByRole('link', { name: 'Модерация' }).className).toContain('active');
  });

  it('keeps the search, filters and sort in the URL and sends them', async () => {
    const { api } = open('/moderation', { ModerationQueue: queueAnswer([queueRow(1)]) });
    await screen.findByRole('table', { name: 'Модерация заказов' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Поиск в очереди' }), '7701');
    await user.click(screen.getByRole('checkbox', { name: 'Ждёт ответа покупателя' }));
    await user.click(screen.getByRole('checkbox', { name: 'Только мои' }));
    await user.click(screen.getByRole('checkbox', { name: 'Сверх кредитного лимита' }));
    fireEvent.change(screen.getByLabelText('От'), { target: { value: '5000' } });
    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-11-01' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Сортировка' }), 'Сумма: по убыванию');
    await waitFor(() => expect(lastCall(api.calls, 'ModerationQueue')?.['filter']).toMatchObject({ search: '7701' }));
    expect(Object.fromEntries(shownSearchParams())).toEqual({ q: '7701', state: 'AWAITING_BUYER', mine: '1', credit: '1', min: '5000', from: '2026-11-01', sort: '-total' });
    expect(lastCall(api.calls, 'ModerationQueue')).toMatchObject({
      sort: { field: 'TOTAL', direction: 'DESC' },
      filter: { search: '7701', states: ['AWAITING_BUYER'], mine: true, overCredit: true, totalMin: '5000', submittedFrom: '2026-11-01' },
    });
  });

  it('says when the queue is empty, and when nothing matches with a way back', async () => {
    open('/moderation', { ModerationQueue: queueAnswer([]) }, dealerModerator(), 'en');
    expect(await screen.findByText('The queue is empty')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Forward to the factory' }).getAttribute('href')).toBe('/moderation/forward');

    document.body.innerHTML = '';
    open('/moderation?mine=1', { ModerationQueue: queueAnswer([]) });
    await screen.findByText('Ничего не найдено');
    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Сбросить фильтры' }).at(-1)!);
    await waitFor(() => expect(shownSearchParams().toString()).toBe(''));
  });

  it('offers «Модерация» only to moderators', async () => {
    open('/catalog/none', { Catalog: null }, me(1, 0));
    await screen.findByRole('navigation', { name: 'Основные разделы' });
    expect(screen.queryByRole('link', { name: 'Модерация' })).toBeNull();

    document.body.innerHTML = '';
    open('/moderation', { ModerationQueue: queueAnswer([]) }, me(1, 0));
    expect(await screen.findByText('Нет доступа к модерации')).toBeTruthy();
  });

  it('tells the wait in hours, then days', () => {
    const now = new Date('2026-11-22T10:15:00Z');
    expect(waitedFor('2026-11-22T07:00:00Z', now)).toEqual({ unit: 'hours', count: 3 });
    expect(waitedFor('2026-11-19T10:00:00Z', now)).toEqual({ unit: 'days', count: 3 });
  });
});
