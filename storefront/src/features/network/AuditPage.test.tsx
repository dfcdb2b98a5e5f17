import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, pagedAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const events = [
  {
    id: 'A1',
    action: 'membership.updated',
    targetType: 'Membership',
    createdAt: '2026-11-20T10:00:00Z',
    changes: JSON.stringify({ role: ['BUYER', 'APPROVER'], user: 'anna@alfa.test' }),
    actor: { id: 'U1', email: 'admin@alfa.test', fullName: 'Сергей Воронин' },
    actorSummary: { fullName: 'Сергей Воронин' },
  },
  {
    id: 'A2',
    action: 'organization.created',
    targetType: 'Organization',
    createdAt: '2026-11-20T09:00:00Z',
    changes: JSON.stringify({ kind: 'SUB_DEALER', parent: 'Столичный дом красок', inn: '7707083893' }),
    actor: null,
    actorSummary: { fullName: 'Ирина Котова' },
  },
  {
    id: 'A3',
    action: 'role.created',
    targetType: 'CustomRole',
    createdAt: '2026-11-20T08:00:00Z',
    changes: JSON.stringify({ name: 'Снабженец', permissions: ['PLACE_ORDERS', 'VIEW_ORDERS'] }),
    actor: null,
    actorSummary: null,
  },
  {
    id: 'A4',
    action: 'membership.updated',
    targetType: 'Membership',
    createdAt: '2026-11-20T07:00:00Z',
    changes: JSON.stringify({ role: ['VIEWER', 'BUYER'] }),
    actor: null,
    actorSummary: { fullName: '' },
  },
];

describe('audit trail', () => {
  it('names roles, organization kinds and permissions instead of showing their codes', async () => {
    renderApp({
      path: '/organization/audit',
      answers: { Me: me(1, 0, { admin: true }), AuditEvents: pagedAnswer('auditEvents', events.length, (i) => events[i]) },
    });
    const table = await screen.findByRole('table', { name: 'События' });
    expect(within(table).getByText('Закупщик → Согласующий')).toBeTruthy();
    expect(within(table).getByText('субдилер')).toBeTruthy();
    expect(within(table).getByText('Столичный дом красок')).toBeTruthy();
    expect(within(table).getByText('Оформление заказов, Просмотр заказов')).toBeTruthy();
    expect(within(table).queryByText(/APPROVER|SUB_DEALER|PLACE_ORDERS/)).toBeNull();
  });

  it("names the supplier's people by name only, and says so when they have none", async () => {
    renderApp({
      path: '/organization/audit',
      answers: { Me: me(1, 0, { admin: true }), AuditEvents: pagedAnswer('auditEvents', events.length, (i) => events[i]) },
    });
    const table = await screen.findByRole('table', { name: 'События' });
    const [, first, second, third, fourth] = within(table).getAllByRole('row');
    expect(within(first!).getByText('admin@alfa.test')).toBeTruthy();
    expect(within(second!).getByText('Ирина Котова')).toBeTruthy();
    expect(within(third!).getByText('Система')).toBeTruthy();
    expect(within(fourth!).getByText('Сотрудник поставщика')).toBeTruthy();
  });
});
