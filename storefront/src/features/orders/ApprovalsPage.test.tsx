import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { memberWith, orderRow } from './orderFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);
const waitingOrder = { ...orderRow(7, { status: 'AWAITING_APPROVAL', placedBy: { fullName: 'Олег Закупкин' } }), approvalLimit: '10000.00', canApprove: true };
const queueOf = (rows: (typeof waitingOrder)[]) => ({
  orderApprovals: { totalCount: rows.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: rows.map((node) => ({ node })) },
});

function open(answers: Record<string, Answer>) {
  return renderApp({ path: '/approvals', answers: { Me: me(1, 0, { admin: true }), OrderApprovalsCount: { orderApprovals: { totalCount: 1 } }, ...answers } });
}

describe('/approvals', () => {
  it('lists the waiting orders; the navigation says how many wait', async () => {
    open({ OrderApprovals: queueOf([waitingOrder]) });
    expect(await screen.findByRole('heading', { name: '1 заказ ждёт решения' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '№ 26-00007' }).getAttribute('href')).toBe('/orders/OR7');
    expect(screen.getByText(/лимит 10\s000,00\s₽/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Основные разделы' });
    expect(await within(nav).findByRole('link', { name: 'Заказы, ждут решения: 1' })).toBeTruthy();
  });

  it('rejects after a confirmation, the comment required, then reloads the queue', async () => {
    let answered = false;
    const { api } = open({
      OrderApprovals: () => queueOf(answered ? [] : [waitingOrder]),
      OrderReject: () => {
        answered = true;
        return { orderReject: { order: { id: 'OR7', status: 'REJECTED', canApprove: false, decidedBy: null, decidedAt: null, decisionComment: 'нет' }, errors: [] } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отклонить' }));
    const dialog = screen.getByRole('dialog', { name: 'Отклонить заказ № 26-00007?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    expect(within(dialog).getByLabelText('Причина отказа').getAttribute('aria-invalid')).toBe('true');
    await user.type(within(dialog).getByLabelText('Причина отказа'), 'нет бюджета');
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    expect(await screen.findByText('Заказ № 26-00007 отклонён.')).toBeTruthy();
    expect(calls(api.calls, 'OrderReject')).toEqual([{ id: 'OR7', comment: 'нет бюджета' }]);
    expect(await screen.findByText('Нет заказов на согласовании')).toBeTruthy();
  });

  it('approves with an optional comment', async () => {
    const { api } = open({
      OrderApprovals: queueOf([waitingOrder]),
      OrderApprove: { orderApprove: { order: { id: 'OR7', status: 'PLACED', canApprove: false, decidedBy: null, decidedAt: null, decisionComment: '' }, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Согласовать' }));
    const dialog = screen.getByRole('dialog', { name: 'Согласовать заказ № 26-00007?' });
    await user.type(within(dialog).getByLabelText('Комментарий (необязательно)'), 'ок');
    await user.click(within(dialog).getByRole('button', { name: 'Согласовать' }));
    await waitFor(() => expect(calls(api.calls, 'OrderApprove')).toEqual([{ id: 'OR7', comment: 'ок' }]));
    expect(await screen.findByText('Заказ № 26-00007 согласован.')).toBeTruthy();
  });

  it('refuses a member without APPROVE_ORDERS, who has no such link', async () => {
    open({ Me: memberWith(['VIEW_ORDERS']) });
    expect(await screen.findByText('Нет доступа к заказам')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Основные разделы' });
    expect(nav.textContent).toContain('Заказы');
    expect(nav.textContent).not.toContain('Согласование');
  });
});
