import { expect, test } from '@playwright/test';
import { DEALER_BUYER, resultRows, signIn } from './helpers';

test('the app works under its Content-Security-Policy with no violation reported', async ({ page }) => {
  // Violations both as the browser reports them to scripts and as console messages.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const consoleMessages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleMessages.push(message.text());
  });
  const violations = async () => [
    ...consoleMessages,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];

  const landing = await page.goto('/catalog');
  expect(landing?.headers()['content-security-policy']).toContain("script-src 'self'");

  await signIn(page, DEALER_BUYER);
  await expect(resultRows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Плитка' }).click();
  await expect(page.locator('.product-card img').first()).toBeVisible();
  await page.locator('.product-card a').first().click();
  await expect(page.getByRole('table', { name: /Варианты товара/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(await violations()).toEqual([]);
});
