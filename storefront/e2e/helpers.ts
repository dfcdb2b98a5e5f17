import { expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PASSWORD = 'demo12345';
export const DEALER_BUYER = 'dealer1.buyer@demo.local';
export const MULTI = 'multi@demo.local';

/** Screenshots for people to look at: <repo>/test-artifacts/screenshots (git-ignored). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? resolve(process.cwd(), '..', 'test-artifacts', 'screenshots');

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settled(page);
  // Let lazy pictures finish so the screenshot shows what a person sees.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(async () => {
    const pending = [...document.images].filter((image) => !image.complete);
    await Promise.all(
      pending.map(
        (image) =>
          new Promise<void>((done) => {
            image.addEventListener('load', () => done(), { once: true });
            image.addEventListener('error', () => done(), { once: true });
            setTimeout(done, 3000);
          }),
      ),
    );
  });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * Waits until nothing on the page is loading or updating (`aria-busy="true"`): lists are
 * dimmed while they reload, so colour checks and screenshots must wait for this.
 */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Каталог' })).toBeVisible();
}

/**
 * Chooses a region of Russia in an organization form. The list arrives with the countries;
 * until then the field is free text, so this waits for the list (a text field refuses
 * `selectOption`).
 */
export async function chooseRegion(page: Page, region: string): Promise<void> {
  const list = page.getByRole('combobox', { name: 'Регион', exact: true });
  await expect(list).toBeVisible();
  await list.selectOption(region);
}

/** The catalog's result rows (list view), in either language. */
export function resultRows(page: Page) {
  return page.getByTestId('catalog-results').locator('table tbody tr');
}

/**
 * The number of results once the list shows the answer for the current address: waits until
 * the count is neither loading nor updating (its `aria-busy` is "false"). A test that types
 * first waits for the address to hold what it typed (the search is debounced into the URL).
 */
export async function resultsCount(page: Page): Promise<number> {
  const count = page.getByTestId('results-count');
  await expect(count).toHaveAttribute('aria-busy', 'false');
  const text = (await count.textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Waits until the catalog shows the results of the search `query` (typing is debounced). */
export async function searchSettled(page: Page, query: string): Promise<void> {
  const count = page.getByTestId('results-count');
  await expect(count).toHaveAttribute('data-search', query);
  await expect(count).toHaveAttribute('aria-busy', 'false');
}

/**
 * The e-mails to `email` the backend printed to its log so far, oldest first (the e2e server
 * uses the console e-mail backend and `e2e.sh` passes its log as E2E_SERVER_LOG).
 */
export function lettersTo(email: string): string[] {
  const log = process.env.E2E_SERVER_LOG;
  if (!log) return [];
  return readFileSync(log, 'utf8').split(`To: ${email}`).slice(1);
}

/** The invitation link (a path) of the newest letter to `email`, once it has been sent. */
export async function invitationLinkFor(email: string): Promise<string> {
  const link = () => /\/invitation\/[\w-]+/.exec(lettersTo(email).at(-1) ?? '')?.[0] ?? null;
  await expect.poll(link).not.toBeNull();
  return link() ?? '';
}
