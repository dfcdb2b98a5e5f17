import { expect, test } from '@playwright/test';
import { MULTI, resultRows, screenshot, signIn } from './helpers';

test('a member of two organizations switches between them', async ({ page }) => {
  await signIn(page, MULTI);
  const switcher = page.getByRole('combobox', { name: 'Работаю от имени' });
  await expect(switcher.locator('option:checked')).toHaveText(/Столичный дом красок/);
  await expect(resultRows(page).first()).toBeVisible();

  await switcher.selectOption({ label: 'Подмосковный строитель · субдилер' });

  await expect(switcher.locator('option:checked')).toHaveText(/Подмосковный строитель/);
  await expect(page.getByTestId('current-user')).toContainText('Закупщик');
  await expect(resultRows(page).first()).toBeVisible();
  const chosen = await page.evaluate(() => window.localStorage.getItem('b2b.organization'));
  expect(chosen).not.toBeNull();

  // Requests issued from now on, once the page shows the new organization, must all carry it.
  // (Listening earlier would also catch a request the first organization's page issued just
  // before the switch, which rightly carries the first organization.)
  const requests: (string | null)[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql/')) requests.push(request.headers()['x-organization'] ?? null);
  });
  await page.getByRole('searchbox', { name: 'Поиск по названию и артикулу' }).fill('краска');
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  await expect(resultRows(page).first()).toBeVisible();
  expect(requests.every((header) => header === chosen)).toBe(true);
  await screenshot(page, '10-organization-switched', false);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Работаю от имени' }).locator('option:checked')).toHaveText(
    /Подмосковный строитель/,
  );

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
});
