import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NotificationPreferencePartsFragment, NotificationsQuery } from '../../gql/graphql';
import { offsetCursor } from '../../lib/offsetPaging';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);

type Row = NonNullable<NonNullable<NotificationsQuery['notifications']['edges'][number]>['node']>;

function notification(n: number, overrides: Partial<Row> = {}): Row {
  return {
    id: `N${n}`,
    eventType: 'PROPOSED',
    title: `Заказ № 26-0000${n}: продавец предлагает изменения`,
    body: 'Количество KR-FAS-0003-10: 12 → 10',
    url: `/orders/OR${n}`,
    createdAt: '2026-11-21T10:00:00+03:00',
    readAt: n === 1 ? null : '2026-11-21T11:00:00+03:00',
    ...overrides,
  };
}

function page(rows: Row[], total = rows.length): NotificationsQuery {
  return { notifications: { totalCount: total, pageInfo: { hasNextPage: total > rows.length, endCursor: null }, edges: rows.map((node) => ({ node })) } };
}

const preferences: NotificationPreferencePartsFragment[] = [
  { topic: 'ORDER_MODERATION', email: true, inApp: true },
  { topic: 'ORDER_FULFILMENT', email: false, inApp: true },
];

function open(answers: Record<string, Answer>, { path = '/notifications', language = 'ru' as 'ru' | 'en' } = {}) {
  return renderApp({
    path,
    language,
    showLocation: true,
    answers: { Me: me(1, 0), NotificationPreferences: { notificationPreferences: preferences }, ...answers },
  });
}

describe('the notification bell', () => {
  it('shows the unread count beside the cart and opens /notifications', async () => {
    open({ NotificationUnreadCount: { notificationUnreadCount: 3 }, Notifications: page([]) }, { path: '/orders/none' });
    const bell = await screen.findByRole('link', { name: 'Уведомления: 3 непрочитанных' });
    expect(within(bell).getByTestId('notification-bell-count').textContent).toBe('3');
    expect(bell.getAttribute('href')).toBe('/notifications');
  });

  it('says one unread in English, nothing when none; asks again on navigation', async () => {
    let count = 1;
    const { api } = open({ NotificationUnreadCount: () => ({ notificationUnreadCount: count }), Notifications: page([]) }, { path: '/catalog/none', language: 'en' });
    expect(await screen.findByRole('link', { name: 'Notifications: 1 unread' })).toBeTruthy();
    count = 0;
    const asked = calls(api.calls, 'NotificationUnreadCount').length;
    await userEvent.setup().click(screen.getByRole('link', { name: 'Notifications: 1 unread' }));
    await waitFor(() => expect(calls(api.calls, 'NotificationUnreadCount').length).toBeGreaterThan(asked));
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByTestId('notification-bell-count')).toBeNull();
  });
});

describe('/notifications', () => {
  it('lists the notifications, the unread marked, each a link to its order', async () => {
    open({ Notifications: page([notification(1), notification(2)]) });
    const list = await screen.findByRole('region', { name: '2 уведомления' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]!.className).toContain('notification-item--unread');
    expect(within(items[0]!).getByText('Новое')).toBeTruthy();
    expect(items[1]!.className).not.toContain('notification-item--unread');
    expect(within(items[0]!).getByRole('link', { name: 'Заказ № 26-00001: продавец предлагает изменения' }).getAttribute('href')).toBe('/orders/OR1');
    expect(within(items[1]!).queryByRole('button', { name: /Отметить прочитанным/ })).toBeNull();
  });

  it('marks one read, then all read; the bell’s count is asked again', async () => {
    let unread = 2;
    const { api } = open({
      Notifications: page([notification(1), notification(3, { readAt: null })]),
      NotificationUnreadCount: () => ({ notificationUnreadCount: unread }),
      NotificationsMarkRead: (call: ApiCall) => {
        unread = call.variables['all'] ? 0 : 1;
        return { notificationsMarkRead: { __typename: 'NotificationsMarkRead', unreadCount: unread, errors: [] } };
      },
    });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Уведомления: 2 непрочитанных' });
    await user.click(await screen.findByRole('button', { name: 'Отметить прочитанным: Заказ № 26-00001: продавец предлагает изменения' }));
    await waitFor(() => expect(calls(api.calls, 'NotificationsMarkRead')).toEqual([{ ids: ['N1'] }]));
    expect(await screen.findByRole('link', { name: 'Уведомления: 1 непрочитанное' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Отметить все прочитанными' }));
    await waitFor(() => expect(calls(api.calls, 'NotificationsMarkRead')).toEqual([{ ids: ['N1'] }, { all: true }]));
    expect(await screen.findByText('Все уведомления прочитаны.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Уведомления' })).toBeTruthy();
  });

  it('shows only the unread with ?unread=1, and says when there are none', async () => {
    const { api } = open({ Notifications: (call: ApiCall) => (call.variables['unreadOnly'] ? page([]) : page([notification(2)])) });
    const user = userEvent.setup();
    expect(await screen.findByText('Заказ № 26-00002: продавец предлагает изменения')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Непрочитанные' }));
    expect(await screen.findByText('Непрочитанных нет')).toBeTruthy();
    expect(shownSearchParams().get('unread')).toBe('1');
    expect(calls(api.calls, 'Notifications').at(-1)).toEqual({ unreadOnly: true, first: 25 });
  });

  it('says when there are no notifications at all', async () => {
    open({ Notifications: page([]) }, { language: 'en' });
    expect(await screen.findByText('No notifications')).toBeTruthy();
  });

  it('opens the next page with its cursor', async () => {
    const { api } = open({ Notifications: page(Array.from({ length: 25 }, (_, i) => notification(i + 2)), 30) });
    const user = userEvent.setup();
    const pages = await screen.findByRole('navigation', { name: 'Страницы уведомлений' });
    await user.click(within(pages).getByRole('button', { name: 'Вперёд' }));
    await waitFor(() => expect(calls(api.calls, 'Notifications').at(-1)).toEqual({ unreadOnly: null, first: 25, after: offsetCursor(24) }));
    expect(shownSearchParams().get('page')).toBe('2');
  });

  it('saves a preference at once, sending the whole set', async () => {
    const { api } = open({
      Notifications: page([]),
      NotificationPreferencesUpdate: (call: ApiCall) => ({ notificationPreferencesUpdate: { preferences: call.variables['preferences'], errors: [] } }),
    });
    const user = userEvent.setup();
    const email = await screen.findByRole('checkbox', { name: 'Производство и отгрузки: e-mail' });
    expect((email as HTMLInputElement).checked).toBe(false);
    await user.click(email);
    await waitFor(() =>
      expect(calls(api.calls, 'NotificationPreferencesUpdate')).toEqual([
        {
          preferences: [
            { topic: 'ORDER_MODERATION', email: true, inApp: true },
            { topic: 'ORDER_FULFILMENT', email: true, inApp: true },
          ],
        },
      ]),
    );
    expect(await screen.findByText('Настройки сохранены.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Производство и отгрузки: e-mail' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Модерация заказов продавцом: в портале' })).toBeTruthy();
  });
});
