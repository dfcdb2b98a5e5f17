import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, resultRows, screenshot, settled, signIn } from './helpers';

/**
 * The header's figures (balance, notifications) arrive after the page and move the language
 * buttons beside them: a click aimed while they were still arriving once landed on the other
 * button. The buttons are pressed once everything the page asked for has answered.
 */
async function headerLoaded(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await settled(page);
}

test('switches the interface to English and back, and remembers the choice', async ({ page }) => {
  await signIn(page, DEALER_BUYER);
  await headerLoaded(page);
  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('searchbox', { name: 'Search by name or SKU' })).toBeVisible();
  await expect(page.getByTestId('results-count')).toContainText('300 products found');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(resultRows(page).first()).toContainText(/from (1 pc\b|\d+ pcs)/);
  await screenshot(page, '06-catalog-english');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();

  await headerLoaded(page);
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Каталог' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});
