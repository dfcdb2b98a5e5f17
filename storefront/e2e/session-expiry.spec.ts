import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, screenshot, settled, signIn } from './helpers';

const DEALER_ADMIN = 'dealer1.admin@demo.local';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/**
 * Ends the sign-in behind the app's back, as an expiry does: the refresh cookie's sign-in is
 * revoked (the cookie goes with it) and the access tokens issued so far stop working. The
 * app notices at its next request.
 */
async function expireSession(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const response = await fetch('/graphql/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { tokensRevoke { revoked } }' }),
    });
    return response.status;
  });
  expect(status).toBe(200);
}

test.describe('an expired session', () => {
  test('keeps the e-mail and the half-filled form for signing in again', async ({ page }) => {
    await signIn(page, DEALER_ADMIN);
    await page.goto('/organization/members');
    const invite = page.getByRole('region', { name: 'Пригласить коллегу' });
    const colleague = `draft.${RUN}@demo.local`;
    await invite.getByLabel('E-mail').fill(colleague);
    await invite.getByLabel('Роль', { exact: true }).selectOption('VIEWER');
    // Every request of the page answered first: one still in flight when the session ends
    // (the header's widgets, the members list on a busy machine) would be the one to find
    // it over and leave for the sign-in page before the button is pressed.
    await settled(page);
    await page.waitForLoadState('networkidle');

    await expireSession(page);
    // The next request finds the session over: the sign-in page, with what was typed kept.
    await invite.getByRole('button', { name: 'Отправить приглашение' }).click();

    await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Forganization%2Fmembers/);
    await expect(page.getByText('введённые на странице данные сохранены', { exact: false })).toBeVisible();
    await expect(page.getByLabel('E-mail')).toHaveValue(DEALER_ADMIN);
    await expect(page.getByLabel('Пароль')).toBeFocused();
    const kept = await page.evaluate(() => JSON.stringify(window.sessionStorage));
    expect(kept).toContain(colleague);
    expect(kept).not.toContain(PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '85-phone-session-expired');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, '85-desktop-session-expired');

    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Участники' })).toBeVisible();
    await expect(invite.getByLabel('E-mail')).toHaveValue(colleague);
    await expect(invite.getByLabel('Роль', { exact: true })).toHaveValue('VIEWER');
    await expect(page.getByText('Введённые до истечения сессии данные восстановлены')).toBeVisible();
    await settled(page);
    await screenshot(page, '86-desktop-form-restored', false);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '86-phone-form-restored', false);
    // The invite form is below the members list: the notice takes the person to it.
    await page.getByRole('button', { name: 'К форме' }).click();
    await expect(invite.getByLabel('E-mail')).toBeFocused();
    await expect(invite.getByLabel('E-mail')).toBeInViewport();
    await screenshot(page, '87-phone-form-restored-shown', false);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'К форме' }).click();
    await screenshot(page, '87-desktop-form-restored-shown', false);
    // Nothing was sent while the session was over: no pending invitation to that address.
    await expect(page.getByText(colleague, { exact: true })).toHaveCount(0);
  });
});
