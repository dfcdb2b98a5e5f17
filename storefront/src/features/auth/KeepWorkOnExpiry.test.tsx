import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/jwt';
import { renderApp } from '../../test/render';
import { RequireAuth } from '../shell/AppShell';
import { readForms } from './formDrafts';
import { KeepWorkOnExpiry } from './KeepWorkOnExpiry';
import { STORAGE_KEYS, type Session } from './session';
import SignInPage from './SignInPage';

const accessFor = (email: string) => fakeJwt({ exp: Date.now() / 1000 + 900, email });

/** A signed-in page with a half-filled form, as the app's pages build theirs. */
function OrderForm() {
  const { register, handleSubmit } = useForm({ defaultValues: { company: '', comment: '', urgent: false, secret: '', kind: 'A' } });
  const [sent, setSent] = useState('');
  return (
    <main id="main">
      <h1>Заявка</h1>
      <pre data-testid="sent">{sent}</pre>
      <form onSubmit={handleSubmit((values) => setSent(JSON.stringify(values)))}>
        <label>
          Компания
          <input {...register('company')} />
        </label>
        <label>
          Комментарий
          <textarea {...register('comment')} />
        </label>
        <label>
          Срочно
          <input type="checkbox" {...register('urgent')} />
        </label>
        <label>
          Вид
          <select {...register('kind')}>
            <option value="A">А</option>
            <option value="B">Б</option>
          </select>
        </label>
        <label>
          Пароль подтверждения
          <input type="password" {...register('secret')} />
        </label>
        <button type="submit">Отправить</button>
      </form>
    </main>
  );
}

const routes = (
  <Routes>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route
      path="/orders/new"
      element={
        <RequireAuth>
          <KeepWorkOnExpiry />
          <OrderForm />
        </RequireAuth>
      }
    />
  </Routes>
);

const expired = () =>
  new Response(JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'TOKEN_EXPIRED' } }] }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  });

async function expire(session: Session) {
  await act(async () => {
    await session.fetch('/graphql/', { method: 'POST', body: JSON.stringify({ query: 'query Me { me { id } }' }) });
  });
}

function answers(signInAs: string) {
  return {
    Me: expired,
    TokenRefresh: { tokenRefresh: { token: null, errors: [{ field: null, code: 'INVALID_TOKEN', message: '' }] } },
    TokenCreate: { tokenCreate: { token: accessFor(signInAs), errors: [] } },
  };
}

async function fillHalf() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Компания'), 'ООО «Ромашка»');
  await user.type(screen.getByLabelText('Комментарий'), 'Доставка после 14:00');
  await user.click(screen.getByLabelText('Срочно'));
  await user.selectOptions(screen.getByLabelText('Вид'), 'B');
  await user.type(screen.getByLabelText('Пароль подтверждения'), 'top-secret');
  return user;
}

describe('an expired session', () => {
  it('keeps the e-mail and the half-filled form, and gives both back after signing in again', async () => {
    window.localStorage.setItem(STORAGE_KEYS.access, accessFor('anna@demo.local'));
    const { session } = renderApp({ path: '/orders/new', signedIn: false, answers: answers('anna@demo.local'), element: routes });
    const user = await fillHalf();

    await expire(session);

    expect(await screen.findByRole('heading', { name: 'Вход в портал дилера' })).toBeTruthy();
    expect(screen.getByText(/введённые на странице данные сохранены/)).toBeTruthy();
    expect(screen.getByLabelText('E-mail')).toHaveProperty('value', 'anna@demo.local');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Пароль')));
    expect(JSON.stringify(window.sessionStorage)).not.toContain('top-secret');

    await user.type(screen.getByLabelText('Пароль'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    await waitFor(() => expect(screen.getByLabelText('Компания')).toHaveProperty('value', 'ООО «Ромашка»'));
    expect(screen.getByLabelText('Комментарий')).toHaveProperty('value', 'Доставка после 14:00');
    expect(screen.getByLabelText('Срочно')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Вид')).toHaveProperty('value', 'B');
    expect(screen.getByLabelText('Пароль подтверждения')).toHaveProperty('value', '');
    expect(screen.getByRole('status').textContent).toContain('Введённые до истечения сессии данные восстановлены');
    await user.click(screen.getByRole('button', { name: 'К форме' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Компания'));
    // The form's own state has the values too, not only the page.
    await user.click(screen.getByRole('button', { name: 'Отправить' }));
    await waitFor(() =>
      expect(JSON.parse(screen.getByTestId('sent').textContent ?? '{}')).toEqual({
        company: 'ООО «Ромашка»',
        comment: 'Доставка после 14:00',
        urgent: true,
        secret: '',
        kind: 'B',
      }),
    );
    // Given back once: nothing is left behind in the tab.
    expect(Object.keys(window.sessionStorage).filter((key) => key.startsWith('b2b.draft:'))).toEqual([]);
  });

  it("does not give one person's input to another who signs in on the same tab", async () => {
    window.localStorage.setItem(STORAGE_KEYS.access, accessFor('anna@demo.local'));
    const { session } = renderApp({ path: '/orders/new', signedIn: false, answers: answers('boris@demo.local'), element: routes });
    const user = await fillHalf();
    await expire(session);

    const email = await screen.findByLabelText('E-mail');
    await user.clear(email);
    await user.type(email, 'boris@demo.local');
    await user.type(screen.getByLabelText('Пароль'), 'demo12345');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByLabelText('Компания')).toHaveProperty('value', '');
    expect(Object.keys(window.sessionStorage).filter((key) => key.startsWith('b2b.draft:'))).toEqual([]);
  });

  it('forgets the e-mail after a deliberate sign-out', async () => {
    window.sessionStorage.setItem('b2b.signInEmail', 'anna@demo.local');
    window.localStorage.setItem(STORAGE_KEYS.access, accessFor('anna@demo.local'));
    const { session } = renderApp({
      path: '/orders/new',
      signedIn: false,
      answers: { TokensRevoke: { tokensRevoke: { revoked: true, errors: [] } } },
      element: routes,
    });
    await screen.findByLabelText('Компания');
    await act(() => session.signOut());

    expect(await screen.findByLabelText('E-mail')).toHaveProperty('value', '');
  });
});

describe('reading a form', () => {
  it('never keeps a password, a hidden field or a field marked data-no-draft', () => {
    document.body.innerHTML = `
      <form>
        <input name="login" value="anna" />
        <input name="pass" type="password" value="secret" />
        <input name="shown" type="text" autocomplete="new-password" value="secret2" />
        <input name="token" type="hidden" value="abc" />
        <div data-no-draft><input name="card" value="4111" /></div>
        <input name="empty" value="" />
      </form>`;
    expect(readForms(document)).toEqual([{ form: 0, name: 'login', value: 'anna' }]);
  });
});
