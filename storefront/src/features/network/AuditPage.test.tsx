import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me, pagedAnswer } from '../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../test/render';

const v = (text: string, hidden = false) => ({ text, hidden });
const dealer = { id: 'O2', name: 'Столичный дом красок' };
const sub = { id: 'O5', name: 'Подмосковный строитель' };

const events = [
  {
    id: 'A1',
    action: 'membership.updated',
    targetType: 'Membership',
    targetName: 'Анна Лебедева',
    createdAt: '2026-11-20T10:00:00Z',
    organization: dealer,
    changeList: [
      { field: 'user', before: null, after: [v('anna@alfa.test')] },
      { field: 'role', before: [v('BUYER')], after: [v('APPROVER')] },
      { field: 'custom_role', before: [], after: [v('Снабженец')] },
    ],
    actor: { id: 'U1', email: 'admin@alfa.test', fullName: 'Сергей Воронин' },
    actorSummary: { fullName: 'Сергей Воронин' },
  },
  {
    id: 'A2',
    action: 'organization.created',
    targetType: 'Organization',
    targetName: 'Подмосковный строитель',
    createdAt: '2026-11-20T09:00:00Z',
    organization: sub,
    changeList: [
      { field: 'kind', before: null, after: [v('SUB_DEALER')] },
      { field: 'parent', before: null, after: [v('Столичный дом красок')] },
      { field: 'inn', before: null, after: [v('7707083893')] },
    ],
    actor: null,
    actorSummary: { fullName: 'Ирина Котова' },
  },
  {
    id: 'A3',
    action: 'role.created',
    targetType: 'CustomRole',
    targetName: null,
    createdAt: '2026-11-20T08:00:00Z',
    organization: dealer,
    changeList: [
      { field: 'name', before: null, after: [v('Снабженец')] },
      { field: 'permissions', before: null, after: [v('PLACE_ORDERS'), v('VIEW_ORDERS')] },
    ],
    actor: null,
    actorSummary: null,
  },
  {
    id: 'A4',
    action: 'membership.updated',
    targetType: 'Membership',
    targetName: null,
    createdAt: '2026-11-20T07:00:00Z',
    organization: sub,
    changeList: [{ field: 'custom_role', before: [v('', true)], after: [] }],
    actor: null,
    actorSummary: { fullName: '' },
  },
];

const answers = (calls: ApiCall[] = []) => ({
  Me: me(1, 0, { admin: true }),
  AuditEvents: (call: ApiCall) => {
    calls.push(call);
    return pagedAnswer('auditEvents', events.length, (i) => events[i])(call);
  },
});

describe('audit trail', () => {
  it('names roles, organization kinds, permissions and custom roles instead of showing codes and ids', async () => {
    renderApp({ path: '/organization/audit', answers: answers() });
    const table = await screen.findByRole('table', { name: 'События' });
    expect(within(table).getByText('Закупщик → Согласующий')).toBeTruthy();
    expect(within(table).getByText('— → Снабженец')).toBeTruthy();
    expect(within(table).getByText('субдилер')).toBeTruthy();
    expect(within(table).getByText('Столичный дом красок', { selector: '.net-changes__value' })).toBeTruthy();
    expect(within(table).getByText('Оформление заказов, Просмотр заказов')).toBeTruthy();
    expect(within(table).queryByText(/APPROVER|SUB_DEALER|PLACE_ORDERS/)).toBeNull();
    // A sub-dealer's custom role the viewer may not see: said to be hidden, not shown as an id.
    expect(within(table).getByText('скрыто → —')).toBeTruthy();
    // Values are set in the text font.
    expect(table.querySelector('code')).toBeNull();
  });

  it('says whose each event is and what it changed', async () => {
    renderApp({ path: '/organization/audit', answers: answers() });
    const table = await screen.findByRole('table', { name: 'События' });
    expect(within(table).getByRole('columnheader', { name: 'Организация' })).toBeTruthy();
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('Столичный дом красок')).toBeTruthy();
    expect(within(first!).getByText('Анна Лебедева')).toBeTruthy();
    expect(within(second!).getAllByText('Подмосковный строитель').length).toBeGreaterThan(0);
  });

  it("names the supplier's people by name only, and says so when they have none", async () => {
    renderApp({ path: '/organization/audit', answers: answers() });
    const table = await screen.findByRole('table', { name: 'События' });
    const [, first, second, third, fourth] = within(table).getAllByRole('row');
    expect(within(first!).getByText('admin@alfa.test')).toBeTruthy();
    expect(within(second!).getByText('Ирина Котова')).toBeTruthy();
    expect(within(third!).getByText('Система')).toBeTruthy();
    expect(within(fourth!).getByText('Сотрудник поставщика')).toBeTruthy();
  });

  it('filters by person, action and period, kept in the URL', async () => {
    const calls: ApiCall[] = [];
    renderApp({ path: '/organization/audit?action=role&since=2026-11-01', answers: answers(calls), showLocation: true });
    await screen.findByRole('table', { name: 'События' });
    expect(calls[0]?.variables['filter']).toEqual({ person: null, action: 'role', since: '2026-11-01', until: null });
    expect((screen.getByRole('combobox', { name: 'Действие' }) as HTMLSelectElement).value).toBe('role');

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Кто' }), 'Воронин');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Действие' }), 'membership.updated');
    await waitFor(() =>
      expect(calls.at(-1)?.variables['filter']).toEqual({ person: 'Воронин', action: 'membership.updated', since: '2026-11-01', until: null }),
    );
    expect(shownSearchParams().get('person')).toBe('Воронин');
    expect(shownSearchParams().get('action')).toBe('membership.updated');

    await user.click(screen.getByRole('button', { name: 'Сбросить фильтры' }));
    await waitFor(() => expect(calls.at(-1)?.variables['filter']).toEqual({ person: null, action: null, since: null, until: null }));
    expect(shownSearchParams().toString()).toBe('');
  });
});
