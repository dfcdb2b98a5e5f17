import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../auth/session';
import { attributes, categories, me, products } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const answers = (memberships: 1 | 2) => ({
  Me: ({ organization }: { organization: string | null }) =>
    me(memberships, organization === 'O5' ? 1 : organization === 'O2' || memberships === 1 ? 0 : null),
  CatalogCategories: categories,
  CatalogAttributes: attributes,
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
