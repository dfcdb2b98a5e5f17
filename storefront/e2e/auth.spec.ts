import { expect, test } from '@playwright/test';
import { DEALER_BUYER, resultRows, screenshot, signIn } from './helpers';

test.describe('signing in and out', () => {
  test('a signed-out visitor gets the sign-in page; a wrong password is explained by the field', async ({ page }) => {
    await page.goto('/catalog');

    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcatalog/);
    await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
    await screenshot(page, '01-sign-in');

    await page.getByLabel('E-mail').fill('dealer1.viewer@demo.local');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();

    const password = page.getByLabel('Пароль');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Неверный e-mail или пароль.')).toBeVisible();
    await screenshot(page, '02-sign-in-wrong-password');
  });

  test('repeated failures are throttled with a clear wait time', async ({ page }) => {
    await page.goto('/sign-in');
    const email = page.getByLabel('E-mail');
    await email.fill('throttle.check@demo.local');
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await page.getByLabel('Пароль').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page.getByRole('button', { name: 'Войти' })).toBeEnabled();
      if (await page.getByText('Слишком много неудачных попыток входа').isVisible()) break;
    }
    await expect(page.getByRole('alert')).toContainText(/Повторите через \d+ секунд/);
  });

  test('a dealer buyer signs in, sees who and for whom, and signs out', async ({ page }) => {
    await signIn(page, DEALER_BUYER);

    await expect(page.getByTestId('current-user')).toContainText('Закупщик');
    await expect(page.getByTestId('active-organization')).toHaveText('Столичный дом красок');
    await expect(resultRows(page).first()).toBeVisible();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
    await expect(page.getByText('Вы вышли из портала.')).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem('b2b.refresh'))).toBeNull();

    await page.goto('/catalog');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a rejected access token is refreshed and the request retried', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    const before = await page.evaluate(() => window.localStorage.getItem('b2b.refresh'));
    // A well-formed token that has not expired but that the server does not accept.
    await page.evaluate(() => {
      const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
      const forged = `${encode({ alg: 'HS256' })}.${encode({ exp: Math.floor(Date.now() / 1000) + 600 })}.forged`;
      window.localStorage.setItem('b2b.access', forged);
    });

    await page.reload();

    await expect(resultRows(page).first()).toBeVisible();
    const after = await page.evaluate(() => ({
      access: window.localStorage.getItem('b2b.access') ?? '',
      refresh: window.localStorage.getItem('b2b.refresh'),
    }));
    expect(after.access.endsWith('.forged')).toBe(false);
    expect(after.refresh).not.toBe(before);
  });
});
