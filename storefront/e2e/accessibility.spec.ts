import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, resultRows, settled, signIn } from './helpers';

async function seriousViolations(page: Page) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const violation of serious) {
    console.log(`${violation.id} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes.slice(0, 5)) console.log(`  ${node.target.join(' ')}: ${node.failureSummary}`);
  }
  return serious.map((v) => v.id);
}

test('sign-in, catalog and product pages pass the axe WCAG 2.1 AA checks', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Вход в портал дилера' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, DEALER_BUYER);
  await expect(resultRows(page).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Плитка' }).click();
  await expect(page.locator('.product-card').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('.product-card a').first().click();
  await expect(page.getByRole('table', { name: /Варианты товара/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
