import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';

const requested = { passwordResetRequest: { requested: true, errors: [] } };
const confirmFailure = (code: string, field: string | null, message = code) => ({
  passwordResetConfirm: { email: null, errors: [{ field, code, message }] },
});

describe('forgotten password', () => {
  it('is offered on the sign-in page and carries the e-mail typed there', async () => {
    renderApp({ path: '/sign-in', signedIn: false, answers: {} });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'dealer1.buyer@demo.local');
    await user.click(screen.getByRole('link', { name: 'Забыли пароль?' }));

    expect(await screen.findByRole('heading', { name: 'Восстановление пароля' })).toBeTruthy();
    expect(screen.getByLabelText('E-mail')).toHaveProperty('value', 'dealer1.buyer@demo.local');
  });

  it('says the same after a request, whatever the address, and can ask again', async () => {
    const { api } = renderApp({ path: '/password-reset', signedIn: false, answers: { PasswordResetRequest: requested } });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), ' nobody@example.ru ');
    await user.click(screen.getByRole('button', { name: 'Прислать ссылку' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      'Если на nobody@example.ru зарегистрирована учётная запись, на этот адрес отправлено письмо со ссылкой.',
    );
    expect(api.calls.map((call) => call.variables)).toEqual([{ email: 'nobody@example.ru' }]);
    await user.click(screen.getByRole('button', { name: 'Запросить ещё раз' }));
    expect(screen.getByLabelText('E-mail')).toHaveProperty('value', 'nobody@example.ru');
  });

  it('checks the e-mail before asking, and says how long to wait when throttled', async () => {
    const { api } = renderApp({
      path: '/password-reset',
      signedIn: false,
      answers: {
        PasswordResetRequest: {
          passwordResetRequest: {
            requested: false,
            errors: [{ field: null, code: 'PASSWORD_RESET_THROTTLED', message: 'Too many. Try again in 895 seconds.', retryAfter: 895 }],
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Прислать ссылку' }));
    expect(await screen.findByText('Введите e-mail, например ivanov@company.ru')).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    await user.clear(screen.getByLabelText('E-mail'));
    await user.type(screen.getByLabelText('E-mail'), 'buyer@example.ru');
    await user.click(screen.getByRole('button', { name: 'Прислать ссылку' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Слишком много запросов на сброс пароля. Повторите через 15 минут.');
  });

  it('sets the new password from the link, then offers to sign in with the e-mail filled in', async () => {
    const { api } = renderApp({
      path: '/password-reset/MTI/abc-123',
      signedIn: false,
      answers: { PasswordResetConfirm: { passwordResetConfirm: { email: 'dealer1.buyer@demo.local', errors: [] } } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Новый пароль'), 'Kraski-2026!');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'Kraski-2027!');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль' }));
    expect(await screen.findByText('Пароли не совпадают')).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    await user.clear(screen.getByLabelText('Пароль ещё раз'));
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'Kraski-2026!');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль' }));

    expect((await screen.findByRole('status')).textContent).toContain('Пароль изменён');
    expect(api.calls[0]?.variables).toEqual({ uid: 'MTI', token: 'abc-123', password: 'Kraski-2026!' });
    await user.click(screen.getByRole('link', { name: 'Войти' }));
    expect(await screen.findByLabelText('E-mail')).toHaveProperty('value', 'dealer1.buyer@demo.local');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Пароль')));
  });

  it('shows a weak password by its field and keeps the form', async () => {
    renderApp({
      path: '/password-reset/MTI/abc-123',
      signedIn: false,
      answers: { PasswordResetConfirm: confirmFailure('WEAK_PASSWORD', 'password', 'This password is too common.') },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Новый пароль'), 'password1');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'password1');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль' }));

    const password = screen.getByLabelText('Новый пароль');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Пароль слишком простой/)).toBeTruthy();
  });

  it('explains a used or expired link instead of the form, with a way to get a new one', async () => {
    renderApp({ path: '/password-reset/MTI/old', signedIn: false, answers: { PasswordResetConfirm: confirmFailure('INVALID_RESET_LINK', 'token') } });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Новый пароль'), 'Kraski-2026!');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'Kraski-2026!');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Ссылка недействительна');
    expect(screen.queryByLabelText('Новый пароль')).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Запросить новую ссылку' }));
    expect(await screen.findByRole('heading', { name: 'Восстановление пароля' })).toBeTruthy();
  });

  it('is said in English too', async () => {
    renderApp({ path: '/password-reset', signedIn: false, language: 'en', answers: {} });
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send the link' })).toBeTruthy();
  });
});
