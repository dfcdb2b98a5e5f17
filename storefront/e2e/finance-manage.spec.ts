/**
 * Issue 15, the seller's credit screens against the real backend and the demo data (staff
 * admin@demo.local holds MANAGE_CREDIT there):
 *
 * 1. The receivables monitor sorted by overdue (the dealer with the overdue invoice first),
 *    its account opened, the credit limit raised: the available credit grows by as much; the
 *    limit is set back after, so other specs see the demo's figures.
 * 2. The four screens at phone width and the statements and bank import on a desktop.
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const STAFF = 'admin@demo.local';

/** «3 000 000,00 ₽» → 3000000. */
function amountOf(text: string | null): number {
  return Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'));
}

async function available(page: Page): Promise<number> {
  await settled(page);
  return amountOf(await page.getByTestId('account-available').locator('dd').textContent());
}

test('staff sort the receivables by overdue, open the account and raise its limit: the available credit grows', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, STAFF);
  await page.goto('/finance/receivables?sort=client');
  const table = page.getByRole('table', { name: 'Задолженность клиентов' });
  await expect(table).toBeVisible();
  await settled(page);
  // Asked by the client's name first, then by overdue from its header (largest first).
  await table.getByRole('button', { name: 'Просрочено' }).click();
  await expect(table.getByRole('columnheader', { name: 'Просрочено' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).not.toHaveURL(/sort=client/);
  await settled(page);
  const overdue = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Number((row.querySelectorAll('td')[4]?.textContent ?? '').replace(/[^\d,]/g, '').replace(',', '.'))),
  );
  expect(overdue[0]).toBeGreaterThan(0);
  expect([...overdue].sort((a, b) => b - a)).toEqual(overdue);
  await screenshot(page, '170-desktop-receivables');

  const first = table.locator('tbody tr').first().getByRole('link');
  const client = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: client })).toBeVisible();
  const before = await available(page);
  const limitField = page.getByLabel('Кредитный лимит, RUB');
  const limit = Number(await limitField.inputValue());

  await limitField.fill(String(limit + 25000));
  await page.getByRole('button', { name: 'Сохранить условия' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Условия сохранены' })).toBeVisible();
  await expect.poll(() => available(page)).toBe(before + 25000);
  await screenshot(page, '171-desktop-account');

  // Back to the demo's limit.
  await limitField.fill(String(limit));
  await page.getByRole('button', { name: 'Сохранить условия' }).click();
  await expect.poll(() => available(page)).toBe(before);
});

test('the credit screens at phone width, the statements and bank import on a desktop', async ({ page }) => {
  await signIn(page, STAFF);
  await page.setViewportSize(PHONE);
  await page.goto('/finance/receivables');
  await expect(page.getByRole('table', { name: 'Задолженность клиентов' })).toBeVisible();
  await settled(page);
  await screenshot(page, '172-phone-receivables');
  await page.getByRole('table', { name: 'Задолженность клиентов' }).locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByTestId('account-available')).toBeVisible();
  await settled(page);
  await screenshot(page, '173-phone-account');
  for (const [path, heading, name] of [
    ['/finance/statements', 'Акт сверки за период', 'statements'],
    ['/finance/bank', 'Импорт выписки', 'bank'],
  ] as const) {
    await page.setViewportSize(PHONE);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await settled(page);
    await screenshot(page, `${name === 'statements' ? 174 : 176}-phone-${name}`);
    await page.setViewportSize(DESKTOP);
    await settled(page);
    await screenshot(page, `${name === 'statements' ? 175 : 177}-desktop-${name}`);
  }
});
