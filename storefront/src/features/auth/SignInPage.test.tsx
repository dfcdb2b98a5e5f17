import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/jwt';
import { emptyProducts, me } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const failure = (code: string, message: string, field: string | null = null) => ({
  tokenCreate: { token: null, errors: [{ field, code, message }] },
});

describe('sign-in page', () => {
  it('is where a signed-out visitor lands, with labelled fields', async () => {
    renderApp({ path: '/catalog', signedIn: false, answers: {} });

    expect(await screen.findByRole('heading', { name: 'Вход в портал дилера' })).toBeTruthy();
    expect(screen.getByLabelText('E-mail')).toBeTruthy();
    expect(screen.getByLabelText('Пароль')).toBeTruthy();
  });

  it('checks the fields before asking the server', async () => {
    const { api } = renderApp({ path: '/sign-in', signedIn: false, answers: {} });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByText('Введите e-mail, например ivanov@company.ru')).toBeTruthy();
    expect(screen.getByText('Обязательное поле')).toBeTruthy();
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toHaveLength(0);
  });

  it('shows a wrong password next to the password field, in the interface language', async () => {
    renderApp({
      path: '/sign-in',
      signedIn: false,
      answers: { TokenCreate: failure('INVALID_CREDENTIALS', 'Wrong e-mail or password.', 'password') },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'dealer1.buyer@demo.local');
    await user.type(screen.getByLabelText('Пароль'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    const password = screen.getByLabelText('Пароль');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = password.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ').pop() ?? '')?.textContent).toBe('Неверный e-mail или пароль.');
  });

  it('says how long to wait when sign-in is throttled', async () => {
    renderApp({
      path: '/sign-in',
      signedIn: false,
      answers: { TokenCreate: failure('LOGIN_THROTTLED', 'Too many failed sign-in attempts. Try again in 845 seconds.') },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'dealer1.buyer@demo.local');
    await user.type(screen.getByLabelText('Пароль'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Повторите через 15 минут.');
  });

  it('opens the page the visitor asked for after signing in', async () => {
    renderApp({
      path: '/sign-in?next=%2Fcatalog%3Fq%3D%D0%BA%D1%80%D0%B0%D1%81%D0%BA%D0%B0',
      signedIn: false,
      answers: {
        TokenCreate: { tokenCreate: { token: fakeJwt({ exp: Date.now() / 1000 + 900 }), errors: [] } },
        Me: me(1),
        CatalogCategories: { categories: { edges: [] } },
        CatalogFacets: { productFacets: [] },
        CatalogProducts: emptyProducts,
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'dealer1.buyer@demo.local');
    await user.type(screen.getByLabelText('Пароль'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByRole('searchbox', { name: 'Поиск по названию и артикулу' })).toHaveProperty('value', 'краска');
  });
});
