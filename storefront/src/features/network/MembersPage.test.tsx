import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InvitationRowFragment, MemberRowFragment } from '../../gql/graphql';
import { me, pagedAnswer, relayCursor } from '../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../test/render';

const member = (id: string, name: string, email: string, role: MemberRowFragment['role'], spendingLimit: string | null = null): MemberRowFragment => ({
  id,
  isActive: true,
  isLastAdmin: false,
  deactivatedAt: null,
  role,
  spendingLimit,
  permissions: [],
  user: { id: `U${id}`, email, fullName: name },
  customRole: null,
});

const pending: InvitationRowFragment = {
  id: 'I1',
  email: 'new.colleague@demo.local',
  role: 'APPROVER',
  spendingLimit: '150000.00',
  status: 'PENDING',
  createdAt: '2026-11-20T10:00:00Z',
  expiresAt: '2026-11-27T10:00:00Z',
  customRole: null,
};

const connection = <T,>(nodes: T[]) => ({ totalCount: nodes.length, edges: nodes.map((node) => ({ node })) });

const answers = {
  Me: me(1, 0, { admin: true }),
  Members: { members: connection([member('M1', 'Анна Лебедева', 'dealer1.admin@demo.local', 'ADMIN'), member('M2', 'Олег Сидоров', 'dealer1.buyer@demo.local', 'BUYER', '250000.00')]) },
  Invitations: { invitations: connection([pending]) },
  CustomRoleOptions: { customRoles: { edges: [] } },
};

describe('members screen', () => {
  it('lists members with roles and limits in the organization currency, and pending invitations', async () => {
    renderApp({ path: '/organization/members', answers });

    const table = await screen.findByRole('table', { name: 'Участники организации' });
    const buyer = within(table).getByText('dealer1.buyer@demo.local').closest('tr') as HTMLElement;
    expect(buyer.textContent).toContain('Закупщик');
    expect(buyer.textContent).toMatch(/250\s000,00\s₽/);
    expect(within(table).getAllByText('Без лимита')).toHaveLength(1);
    const invitations = await screen.findByRole('table', { name: 'Приглашения' });
    expect(within(invitations).getByText('new.colleague@demo.local')).toBeTruthy();
    expect(within(invitations).getByText('Ожидает')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Организация' })).toBeTruthy();
  });

  it('sends the search and role filter to the API', async () => {
    const { api } = renderApp({ path: '/organization/members?role=ADMIN&q=%D0%B0%D0%BD%D0%BD%D0%B0', answers });
    await screen.findByRole('table', { name: 'Участники организации' });
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operation === 'Members').at(-1)?.variables).toMatchObject({ filter: { role: 'ADMIN', search: 'анна' } }),
    );
  });

  const mine = { ...member('M3', 'Юлия Миронова', 'multi@demo.local', 'ADMIN'), user: { id: 'U1', email: 'multi@demo.local', fullName: 'Юлия Миронова' } };

  it('offers no role change on your own row, only on colleagues\' rows', async () => {
    renderApp({
      path: '/organization/members',
      answers: { ...answers, Members: { members: connection([mine, member('M2', 'Олег Сидоров', 'dealer1.buyer@demo.local', 'BUYER')]) } },
    });
    expect(await screen.findByRole('button', { name: 'Изменить: Олег Сидоров' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Отключить себя' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Изменить: Юлия Миронова' })).toBeNull();
  });

  it('marks the viewer\'s own row, and only that one', async () => {
    renderApp({
      path: '/organization/members',
      answers: { ...answers, Members: { members: connection([mine, member('M2', 'Олег Сидоров', 'dealer1.buyer@demo.local', 'BUYER')]) } },
    });
    const table = await screen.findByRole('table', { name: 'Участники организации' });
    const own = within(table).getByText('multi@demo.local').closest('tr') as HTMLElement;
    const colleague = within(table).getByText('dealer1.buyer@demo.local').closest('tr') as HTMLElement;
    expect(within(own).getByText('вы')).toBeTruthy();
    expect(within(colleague).queryByText('вы')).toBeNull();
  });

  it('warns an admin who deactivates themselves that access ends at once', async () => {
    const { api } = renderApp({
      path: '/organization/members',
      answers: {
        ...answers,
        Members: { members: connection([mine, { ...member('M2', 'Анна Лебедева', 'dealer1.admin@demo.local', 'ADMIN') }]) },
        MembershipDeactivate: { membershipDeactivate: { membership: null, errors: [] } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отключить себя' }));
    const dialog = screen.getByRole('dialog', { name: 'Отключить свою учётную запись в организации?' });
    expect(within(dialog).getByRole('status').textContent).toContain('Вы сразу потеряете доступ к «Столичный дом красок»');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(api.calls.some((c) => c.operation === 'MembershipDeactivate')).toBe(false);
  });

  it('refuses to deactivate the last admin before any dialog, saying why', async () => {
    const { api } = renderApp({
      path: '/organization/members',
      answers: {
        ...answers,
        Members: { members: connection([{ ...mine, isLastAdmin: true }, member('M2', 'Олег Сидоров', 'dealer1.buyer@demo.local', 'BUYER')]) },
      },
    });
    const button = await screen.findByRole('button', { name: 'Отключить себя' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    const note = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Вы единственный администратор. Сначала назначьте администратором кого-то ещё.');
    await userEvent.setup().click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls.some((c) => c.operation === 'MembershipDeactivate')).toBe(false);
    // A colleague's row keeps its working action.
    expect(screen.getByRole('button', { name: 'Отключить: Олег Сидоров' })).toHaveProperty('disabled', false);
  });

  it('explains that the last admin cannot be deactivated', async () => {
    renderApp({
      path: '/organization/members',
      answers: {
        ...answers,
        MembershipDeactivate: {
          membershipDeactivate: {
            membership: null,
            errors: [{ field: 'id', code: 'LAST_ADMIN', message: "This is the organization's last admin" }],
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отключить: Анна Лебедева' }));
    const dialog = screen.getByRole('dialog', { name: 'Отключить участника — Анна Лебедева?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отключить' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain('Нельзя отключить последнего администратора');
  });

  it('validates the invite form before sending, then shows the server error by the field', async () => {
    const { api } = renderApp({
      path: '/organization/members',
      answers: {
        ...answers,
        InvitationCreate: {
          invitationCreate: { invitation: null, errors: [{ field: 'email', code: 'ALREADY_MEMBER', message: 'already' }] },
        },
      },
    });
    const user = userEvent.setup();
    const form = await screen.findByRole('region', { name: 'Пригласить коллегу' });
    await user.click(within(form).getByRole('button', { name: 'Отправить приглашение' }));
    expect(await within(form).findByText('Обязательное поле')).toBeTruthy();
    expect(api.calls.some((c) => c.operation === 'InvitationCreate')).toBe(false);

    await user.type(within(form).getByLabelText('E-mail'), 'dealer1.buyer@demo.local');
    await user.type(within(form).getByLabelText('Лимит на заказ (необязательно)'), '100 000,5');
    await user.click(within(form).getByRole('button', { name: 'Отправить приглашение' }));

    expect(await within(form).findByText('Этот человек уже состоит в организации.')).toBeTruthy();
    expect(api.calls.find((c) => c.operation === 'InvitationCreate')?.variables).toEqual({
      input: { email: 'dealer1.buyer@demo.local', role: 'BUYER', customRole: null, spendingLimit: '100000.5' },
    });
  });

  it('tells a member without the permission that the section is closed, and hides the link', async () => {
    renderApp({ path: '/organization/members', answers: { ...answers, Me: me(1, 0) } });
    expect(await screen.findByText('Нет доступа')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Организация' })).toBeNull();
  });
});

const memberCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'Members');
const numbered = (index: number) => member(`M${index + 1}`, `Участник ${index + 1}`, `member${index + 1}@demo.local`, 'BUYER');

describe('members paging', () => {
  const many = { ...answers, Members: pagedAnswer('members', 60, numbered) };

  it('pages 25 at a time with the page in the URL, and Back returns to the previous page', async () => {
    const { api } = renderApp({ path: '/organization/members', answers: many, showLocation: true });
    const table = await screen.findByRole('table', { name: 'Участники организации' });
    expect(within(table).getByText('member1@demo.local')).toBeTruthy();
    expect(memberCalls(api.calls)[0]?.variables).toEqual({ first: 25, filter: { search: null, role: null } });
    const pager = screen.getByRole('navigation', { name: 'Страницы списка участников' });
    expect(pager.textContent).toContain('1–25 из 60');

    const user = userEvent.setup();
    await user.click(within(pager).getByRole('button', { name: 'Вперёд' }));
    expect(await within(table).findByText('member26@demo.local')).toBeTruthy();
    expect(within(table).queryByText('member1@demo.local')).toBeNull();
    expect(memberCalls(api.calls).at(-1)?.variables).toMatchObject({ first: 25, after: relayCursor(24) });
    expect(shownSearchParams().get('page')).toBe('2');
    expect(pager.textContent).toContain('26–50 из 60');

    await user.click(within(pager).getByRole('button', { name: 'Последняя страница' }));
    expect(await within(table).findByText('member60@demo.local')).toBeTruthy();
    expect(memberCalls(api.calls).at(-1)?.variables).toMatchObject({ after: relayCursor(49) });
    expect(shownSearchParams().get('page')).toBe('3');

    await user.click(screen.getByRole('button', { name: 'test: back' }));
    expect(await within(table).findByText('member26@demo.local')).toBeTruthy();
    expect(shownSearchParams().get('page')).toBe('2');
  });

  it('opens the page a link names, and goes back to page 1 on a new search or role', async () => {
    const { api } = renderApp({ path: '/organization/members?page=3', answers: many, showLocation: true });
    const table = await screen.findByRole('table', { name: 'Участники организации' });
    expect(await within(table).findByText('member51@demo.local')).toBeTruthy();
    expect(memberCalls(api.calls)[0]?.variables).toMatchObject({ first: 25, after: relayCursor(49) });

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Поиск по имени и e-mail' }), 'анна');
    expect(shownSearchParams().get('page')).toBeNull();
    expect(shownSearchParams().get('q')).toBe('анна');
    await waitFor(() =>
      expect(memberCalls(api.calls).at(-1)?.variables).toEqual({ first: 25, filter: { search: 'анна', role: null } }),
    );

    await user.click(within(screen.getByRole('navigation', { name: 'Страницы списка участников' })).getByRole('button', { name: 'Вперёд' }));
    expect(shownSearchParams().get('page')).toBe('2');
    await user.selectOptions(within(screen.getByRole('search')).getByRole('combobox', { name: 'Роль' }), 'ADMIN');
    expect(shownSearchParams().get('page')).toBeNull();
    await waitFor(() =>
      expect(memberCalls(api.calls).at(-1)?.variables).toEqual({ first: 25, filter: { search: 'анна', role: 'ADMIN' } }),
    );
  });

  it('moves a page past the end to the last page', async () => {
    const { api } = renderApp({ path: '/organization/members?page=9', answers: many, showLocation: true });
    const table = await screen.findByRole('table', { name: 'Участники организации' });
    expect(await within(table).findByText('member60@demo.local')).toBeTruthy();
    expect(shownSearchParams().get('page')).toBe('3');
    expect(memberCalls(api.calls).at(-1)?.variables).toMatchObject({ after: relayCursor(49) });
  });

  it('shows no pager when every member fits on one page', async () => {
    renderApp({ path: '/organization/members', answers });
    await screen.findByRole('table', { name: 'Участники организации' });
    expect(screen.queryByRole('navigation', { name: 'Страницы списка участников' })).toBeNull();
  });

  it('pages invitations on their own, leaving the members page as it is', async () => {
    const invitations = pagedAnswer('invitations', 30, (index) => ({ ...pending, id: `I${index + 1}`, email: `guest${index + 1}@demo.local` }));
    const { api } = renderApp({ path: '/organization/members?page=2', answers: { ...many, Invitations: invitations }, showLocation: true });
    const list = await screen.findByRole('table', { name: 'Приглашения' });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('navigation', { name: 'Страницы списка приглашений' })).getByRole('button', { name: 'Вперёд' }));

    expect(await within(list).findByText('guest26@demo.local')).toBeTruthy();
    expect(api.calls.filter((c) => c.operation === 'Invitations').at(-1)?.variables).toEqual({ first: 25, after: relayCursor(24), status: 'PENDING' });
    expect(shownSearchParams().get('invitationsPage')).toBe('2');
    expect(shownSearchParams().get('page')).toBe('2');

    // Showing all invitations is another list: its first page.
    await user.click(screen.getByRole('button', { name: 'Все' }));
    expect(shownSearchParams().get('invitations')).toBe('all');
    expect(shownSearchParams().get('invitationsPage')).toBeNull();
    await waitFor(() => expect(api.calls.filter((c) => c.operation === 'Invitations').at(-1)?.variables).toEqual({ first: 25, status: null }));
  });
});

const pendingLink = {
  invitationLink: {
    status: 'PENDING',
    retryAfter: null,
    organizationName: 'Столичный дом красок',
    inviterName: 'Анна Лебедева',
    role: 'VIEWER',
    customRoleName: null,
    email: 'new@demo.local',
    expiresAt: '2026-12-07T10:00:00Z',
  },
};

describe('invitation acceptance', () => {
  it('signs the new member in and opens the catalog', async () => {
    const { fakeJwt } = await import('../../test/jwt');
    const access = fakeJwt({ exp: Date.now() / 1000 + 900 });
    const { api } = renderApp({
      path: '/invitation/tok123',
      signedIn: false,
      answers: {
        InvitationLink: pendingLink,
        InvitationAccept: { invitationAccept: { token: access, errors: [] } },
        Me: me(1, 0),
        CatalogCategories: { categories: { edges: [] } },
        CatalogFacets: { productFacets: [] },
        CatalogProducts: { products: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] } },
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Имя'), 'Пётр');
    await user.type(screen.getByLabelText('Пароль'), 'long-enough-1');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'long-enough-1');
    await user.click(screen.getByRole('button', { name: 'Принять приглашение' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Каталог' })).toBeTruthy();
    expect(window.localStorage.getItem('b2b.access')).toBe(access);
    expect(api.calls.find((c) => c.operation === 'InvitationAccept')?.variables).toMatchObject({ token: 'tok123', firstName: 'Пётр' });
  });

  it('explains an invitation that expired after the page looked it up', async () => {
    renderApp({
      path: '/invitation/old',
      signedIn: false,
      answers: {
        InvitationLink: pendingLink,
        InvitationAccept: {
          invitationAccept: { token: null, errors: [{ field: 'token', code: 'INVITATION_EXPIRED', message: 'expired' }] },
        },
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Пароль'), 'long-enough-1');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'long-enough-1');
    await user.click(screen.getByRole('button', { name: 'Принять приглашение' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Срок действия приглашения истёк');
  });
});
