import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, resultRows, screenshot, signIn } from './helpers';

/** The httpOnly refresh cookie as the browser holds it (scripts on the page cannot read it). */
async function refreshCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'b2b_refresh') ?? null;
}

/** Everything the page's scripts can read from storage. */
function storedValues(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [window.localStorage, window.sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key) ?? ''),
    ),
  );
}

/** Resolves with the answer to the next GraphQL request that runs `operation`. */
function graphqlAnswer(page: Page, operation: string) {
  return page.waitForResponse(
    (response) => response.url().endsWith('/graphql/') && (response.request().postData() ?? '').includes(operation),
  );
}

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
    // Each attempt waits for its own answer; the loop stops at the first throttled one.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await page.getByLabel('Пароль').fill(`wrong-${attempt}`);
      const answer = graphqlAnswer(page, 'tokenCreate');
      await page.getByRole('button', { name: 'Войти' }).click();
      if ((await (await answer).text()).includes('LOGIN_THROTTLED')) break;
    }
    // The 15-minute window is said in minutes, not as 900 seconds.
    await expect(page.getByRole('alert')).toContainText(/Повторите через 1[45] минут\./);
  });

  test('a dealer buyer signs in, sees who and for whom, and signs out', async ({ page }) => {
    await signIn(page, DEALER_BUYER);

    await expect(page.getByTestId('current-user')).toContainText('Закупщик');
    await expect(page.getByTestId('active-organization')).toHaveText('Столичный дом красок');
    await expect(resultRows(page).first()).toBeVisible();
    const cookie = await refreshCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql/' });
    expect(await storedValues(page)).not.toContain(cookie?.value);

    const revoked = graphqlAnswer(page, 'tokensRevoke');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
    await expect(page.getByText('Вы вышли из портала.')).toBeVisible();
    expect((await revoked).status()).toBe(200);
    expect(await refreshCookie(page)).toBeNull();

    await page.goto('/catalog');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a reload keeps the user signed in, through the cookie once the access token has expired', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await page.reload();
    await expect(page.getByTestId('current-user')).toContainText('Закупщик');

    const before = await refreshCookie(page);
    // An access token that expired a minute ago: the app must get a new one with the cookie.
    await page.evaluate(() => {
      const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
      const expired = `${encode({ alg: 'HS256' })}.${encode({ exp: Math.floor(Date.now() / 1000) - 60 })}.x`;
      window.localStorage.setItem('b2b.access', expired);
    });
    const refreshed = graphqlAnswer(page, 'tokenRefresh');
    await page.reload();

    const answer = await (await refreshed).json();
    expect(answer.data.tokenRefresh.errors).toEqual([]);
    expect(answer.data.tokenRefresh.token).toBeTruthy();
    await expect(page.getByTestId('current-user')).toContainText('Закупщик');
    await expect(resultRows(page).first()).toBeVisible();
    const after = await refreshCookie(page);
    expect(after?.value).toBeTruthy();
    expect(after?.value).not.toBe(before?.value);
    expect(await storedValues(page)).not.toContain(after?.value);
  });

  test('a rejected access token is refreshed and the request retried', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    const before = (await refreshCookie(page))?.value;
    // A well-formed token that has not expired but that the server does not accept.
    await page.evaluate(() => {
      const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
      const forged = `${encode({ alg: 'HS256' })}.${encode({ exp: Math.floor(Date.now() / 1000) + 600 })}.forged`;
      window.localStorage.setItem('b2b.access', forged);
    });

    await page.reload();

    await expect(resultRows(page).first()).toBeVisible();
    const access = await page.evaluate(() => window.localStorage.getItem('b2b.access') ?? '');
    expect(access.endsWith('.forged')).toBe(false);
    expect((await refreshCookie(page))?.value).not.toBe(before);
  });
});
