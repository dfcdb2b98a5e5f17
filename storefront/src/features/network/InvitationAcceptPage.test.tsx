import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvitationLinkQuery } from '../../gql/graphql';
import { renderApp } from '../../test/render';

type Link = InvitationLinkQuery['invitationLink'];

const nothing = { retryAfter: null, organizationName: null, inviterName: null, role: null, customRoleName: null, email: null, expiresAt: null };
const pending: Link = {
  status: 'PENDING',
  retryAfter: null,
  organizationName: 'Столичный дом красок',
  inviterName: 'Анна Лебедева',
  role: 'APPROVER',
  customRoleName: null,
  email: 'new.colleague@demo.local',
  expiresAt: '2026-12-07T10:00:00Z',
};

function open(link: Link, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/invitation/tok123', signedIn: false, language, answers: { InvitationLink: { invitationLink: link } } });
}

describe('invitation page', () => {
  it('looks the link up first and says who invites whom, where, with which role, until when', async () => {
    const { api } = open(pending);

    const details = await screen.findByRole('region', { name: 'О приглашении' });
    expect(details.textContent).toContain('Анна Лебедева приглашает вас в организацию «Столичный дом красок».');
    const facts = within(details).getAllByRole('definition').map((dd) => dd.textContent);
    expect(facts).toEqual(['Столичный дом красок', 'Анна Лебедева', 'Согласующий', 'new.colleague@demo.local', expect.stringMatching(/^07\.12\.2026, \d\d:\d\d$/)]);
    expect(screen.getByLabelText('Пароль')).toBeTruthy();
    expect(api.calls[0]).toMatchObject({ operation: 'InvitationLink', variables: { token: 'tok123' } });
  });

  it('names a custom role, and in English', async () => {
    open({ ...pending, customRoleName: 'Склад', inviterName: null }, 'en');

    const details = await screen.findByRole('region', { name: 'About the invitation' });
    expect(details.textContent).toContain('You are invited to Столичный дом красок.');
    expect(within(details).getAllByRole('definition').map((dd) => dd.textContent)).toContain('Склад');
  });

  it.each([
    ['ACCEPTED', 'Приглашение уже принято', 'Войти'],
    ['EXPIRED', 'Срок действия приглашения истёк', 'Ко входу'],
    ['REVOKED', 'Приглашение отозвано', 'Ко входу'],
    ['UNKNOWN', 'Такого приглашения нет', 'Ко входу'],
  ] as const)('for a %s link shows what to do instead of the form', async (status, title, signIn) => {
    const { api } = open({ status, ...nothing });

    const notice = await screen.findByTestId('invitation-notice');
    expect(notice.textContent).toContain(title);
    expect(within(notice).getByRole('link', { name: signIn }).getAttribute('href')).toBe('/sign-in');
    expect(screen.queryByLabelText('Пароль')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Принять приглашение' })).toBeNull();
    expect(api.calls.map((c) => c.operation)).toEqual(['InvitationLink']);
  });

  it('asks for new invitations, not to retype anything, for a dead link', async () => {
    open({ status: 'EXPIRED', ...nothing });
    expect((await screen.findByTestId('invitation-notice')).textContent).toContain('Попросите того, кто вас пригласил, отправить новое приглашение');
  });

  it('says in minutes when look-ups may resume', async () => {
    open({ status: 'THROTTLED', ...nothing, retryAfter: 895 });
    expect((await screen.findByTestId('invitation-notice')).textContent).toContain('Повторите через 15 минут.');
  });
});
