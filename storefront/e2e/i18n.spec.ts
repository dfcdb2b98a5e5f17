import { expect, test } from '@playwright/test';
import { DEALER_BUYER, resultRows, screenshot, signIn } from './helpers';

test('switches the interface to English and back, and remembers the choice', async ({ page }) => {
  await signIn(page, DEALER_BUYER);
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

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Каталог' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});
