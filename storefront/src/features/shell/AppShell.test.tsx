import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../auth/session';
import { categories, facets, me, products } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const answers = (memberships: 1 | 2) => ({
  Me: ({ organization }: { organization: string | null }) =>
    me(memberships, organization === 'O5' ? 1 : organization === 'O2' || memberships === 1 ? 0 : null),
  CatalogCategories: categories,
  CatalogFacets: facets,
  CatalogProducts: products(),
  TokensRevoke: { tokensRevoke: { revoked: true, errors: [] } },
});

describe('app shell', () => {
  it('shows who is signed in and for which organization', async () => {
    renderApp({ path: '/catalog', answers: answers(1) });

    expect((await screen.findByTestId('current-user')).textContent).toContain('Юлия Миронова');
    expect(screen.getByTestId('current-user').textContent).toContain('Закупщик');
    expect(screen.getByTestId('active-organization').textContent).toBe('Столичный дом красок');
  });

  it('lets a member of two organizations switch, and every request follows', async () => {
    const { api } = renderApp({ path: '/catalog', answers: answers(2) });
    const switcher = await screen.findByRole('combobox', { name: 'Работаю от имени' });
    await waitFor(() => expect((switcher as HTMLSelectElement).value).toBe('O2'));

    await userEvent.setup().selectOptions(switcher, 'O5');

    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Работаю от имени' }) as HTMLSelectElement).value).toBe('O5'));
    expect(window.localStorage.getItem(STORAGE_KEYS.organization)).toBe('O5');
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operation === 'CatalogProducts').at(-1)?.organization).toBe('O5'),
    );
  });

  it('confirms a switch of organization in a status message, and not the first choice', async () => {
    renderApp({ path: '/catalog', answers: answers(2) });
    const switcher = await screen.findByRole('combobox', { name: 'Работаю от имени' });
    await waitFor(() => expect((switcher as HTMLSelectElement).value).toBe('O2'));
    const status = screen.getByTestId('organization-notice');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('');

    await userEvent.setup().selectOptions(switcher, 'O5');

    await waitFor(() => expect(status.textContent).toContain('Вы работаете от имени «Подмосковный строитель»'));
    expect(screen.getByRole('button', { name: 'Меню: Подмосковный строитель' })).toBeTruthy();
    await userEvent.setup().click(within(status).getByRole('button', { name: 'Закрыть уведомление' }));
    expect(status.textContent).toBe('');
  });

  it('folds sections, organization, language and sign-out behind one menu button naming the organization', async () => {
    renderApp({ path: '/catalog', answers: answers(1) });
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Меню: Столичный дом красок' });
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(screen.getByTestId('menu-organization').textContent).toBe('Столичный дом красок');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    for (const name of ['Каталог', 'English', 'Выйти']) {
      expect(within(panel).getByRole(name === 'Каталог' ? 'link' : 'button', { name })).toBeTruthy();
    }
    expect(within(panel).getByTestId('active-organization').textContent).toBe('Столичный дом красок');

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.className).toContain('shell__menu--open');

    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    await user.click(button);
    await user.click(screen.getByRole('main'));
    expect(button.getAttribute('aria-expanded')).toBe('false');

    // Tabbing on past the panel's last control folds it away too.
    await user.click(button);
    within(panel).getByRole('button', { name: 'Выйти' }).focus();
    screen.getByRole('main').focus();
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
  });

  it('has a skip link to the main content and landmarks', async () => {
    renderApp({ path: '/catalog', answers: answers(1) });

    const skip = await screen.findByRole('link', { name: 'Перейти к содержимому' });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Основные разделы' })).toBeTruthy();
  });

  it('switches the language and remembers it', async () => {
    const { i18n } = renderApp({ path: '/catalog', answers: answers(1) });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'English' }));

    expect(i18n.language).toBe('en');
    expect(await screen.findByRole('link', { name: 'Catalog' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('signs out to the sign-in page', async () => {
    const { api } = renderApp({ path: '/catalog', answers: answers(1) });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Выйти' }));

    expect(await screen.findByRole('heading', { name: 'Вход в портал дилера' })).toBeTruthy();
    expect(screen.getByText('Вы вышли из портала.')).toBeTruthy();
    expect(api.calls.some((c) => c.operation === 'TokensRevoke')).toBe(true);
    expect(window.localStorage.getItem(STORAGE_KEYS.access)).toBeNull();
  });
});
