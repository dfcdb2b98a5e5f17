import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { sumMoney } from './ForwardPage';
import { dealerModerator, forwardableRow } from './moderationFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);
const forwardable = (n: number[]) => ({
  forwardableOrders: { totalCount: n.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: n.map((i) => ({ node: forwardableRow(i) })) },
});

function open(answers: Record<string, Answer>, viewer = dealerModerator()) {
  return renderApp({ path: '/moderation/forward', answers: { Me: viewer, ...answers } });
}

describe('/moderation/forward', () => {
  it('forwards the chosen orders as one, with one idempotency key kept for a retry, and links the new order', async () => {
    let attempt = 0;
    const { api } = open({
      ForwardableOrders: forwardable([1, 2, 3]),
      OrderForward: () =>
        attempt++ === 0
          ? { orderForward: { order: null, errors: [{ field: null, code: 'GRAPHQL_ERROR', message: 'lost' }] } }
          : { orderForward: { order: { id: 'OR9', number: '26-00900' }, errors: [] } },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: '3 заказа можно передать' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: '№ 26-00003, Подмосковный строитель' }));
    await user.click(screen.getByRole('checkbox', { name: '№ 26-00001, Подмосковный строитель' }));
    expect(screen.getByText(/Выбрано на 2\s000,20\s₽/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Передать 2 заказа одним заказом' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Передать 2 заказа одним заказом' }));
    expect(await screen.findByText('Передано заводу: заказ № 26-00900')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Открыть заказ № 26-00900' }).getAttribute('href')).toBe('/orders/OR9');
    const sent = calls(api.calls, 'OrderForward');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ orders: ['OR1', 'OR3'], comment: null });
    expect(sent[0]!['idempotencyKey']).toBeTruthy();
    expect(sent[1]!['idempotencyKey']).toBe(sent[0]!['idempotencyKey']);
    await waitFor(() => expect(calls(api.calls, 'ForwardableOrders').length).toBeGreaterThanOrEqual(2));
  });

  it('says when there is nothing to forward, and is only for a dealer’s moderator', async () => {
    open({ ForwardableOrders: forwardable([]) });
    expect(await screen.findByText('Передавать нечего')).toBeTruthy();

    document.body.innerHTML = '';
    open({ ForwardableOrders: forwardable([]) }, me(1, 0, { staffPermissions: ['MODERATE_ORDERS'] }));
    expect(await screen.findByText('Нет доступа к модерации')).toBeTruthy();
  });

  it('adds money exactly', () => {
    expect(sumMoney(['0.10', '0.20', '1000'])).toBe('1000.30');
  });
});
