import { resolve } from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

// A dealer's accountant: the account's figures and its invoices (a buyer sees the figures only).
const ACCOUNTANT = 'dealer1.accountant@demo.local';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const STANDIN_SCRIPT = resolve(process.cwd(), 'e2e', 'stripe-standin.js');

/**
 * Stripe.js and Stripe's API never load from the internet here: js.stripe.com gets the
 * stand-in script, and api.stripe.com goes to the backend's stand-in of Stripe's API
 * (STRIPE_API_BASE, where the backend created the PaymentIntent) or, without one, answers the
 * confirmation as Stripe would for a test card.
 */
async function standInForStripe(page: Page): Promise<string[]> {
  const confirmed: string[] = [];
  await page.route('https://js.stripe.com/**', (route) => route.fulfill({ path: STANDIN_SCRIPT, contentType: 'application/javascript' }));
  await page.route('https://api.stripe.com/**', async (route: Route) => {
    const url = new URL(route.request().url());
    const id = /payment_intents\/([^/]+)\/confirm/.exec(url.pathname)?.[1] ?? '';
    confirmed.push(id);
    const base = process.env.STRIPE_API_BASE;
    if (base && !base.includes('api.stripe.com')) {
      const response = await route.fetch({ url: `${base.replace(/\/$/, '')}${url.pathname}${url.search}` });
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
      return;
    }
    await route.fulfill({ json: { id, object: 'payment_intent', status: 'succeeded' }, headers: { 'access-control-allow-origin': '*' } });
  });
  return confirmed;
}

test('a dealer sees its balance in the header, its account and invoices, and downloads an invoice as PDF', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, ACCOUNTANT);
  const widget = page.getByTestId('balance-widget');
  // The balance and «Финансы» are in the header at every desktop width (below 1200 px the
  // widget keeps the available figure only).
  const sections = page.getByRole('navigation', { name: 'Основные разделы' });
  for (const width of [901, 1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(widget).toBeVisible();
    await expect(page.getByTestId('balance-available')).toBeVisible();
    await expect(sections.getByRole('link', { name: 'Финансы' })).toBeVisible();
    await expect(page.getByTestId('balance-overdue')).toBeVisible({ visible: width >= 1200 });
  }
  await page.setViewportSize(DESKTOP);
  const available = (await page.getByTestId('balance-available').textContent()) ?? '';
  expect(available).toMatch(/\d.*₽/);

  await widget.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Финансы' })).toBeVisible();
  await expect(page.getByTestId('figure-available')).toContainText(available);
  const invoices = page.getByRole('region', { name: /^\d+ сч[её]т/ });
  await expect(invoices).toBeVisible();
  await settled(page);
  const rows = invoices.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await screenshot(page, '150-desktop-finance');

  // The PDF: the link is the API's signed address; the file is a PDF.
  const pdf = invoices.getByTestId('invoice-pdf').first();
  const href = (await pdf.getAttribute('href')) ?? '';
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const download = page.waitForEvent('download');
  await pdf.click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // The status filter lives in the URL.
  await page.getByLabel('Статус').selectOption('PAID');
  await expect(page).toHaveURL(/status=PAID/);
  await settled(page);

  await page.getByLabel('Статус').selectOption('');
  await expect(page).not.toHaveURL(/status=/);
  await settled(page);
  await invoices.getByRole('link', { name: /^(СЧ|INV)-/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Счёт / })).toBeVisible();
  await expect(page.getByTestId('invoice-totals')).toBeVisible();
  await screenshot(page, '151-desktop-invoice');

  await page.setViewportSize(PHONE);
  await page.goto('/finance');
  await expect(page.getByTestId('figure-available')).toBeVisible();
  await expect(page.getByTestId('balance-available')).toBeVisible();
  const box = await page.getByTestId('balance-widget').boundingBox();
  expect(box?.x ?? 0).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, '152-phone-finance');
});

test('a dealer pays an open invoice by card through Stripe.js (stand-in)', async ({ page }) => {
  const confirmed = await standInForStripe(page);
  await page.setViewportSize(DESKTOP);
  await signIn(page, ACCOUNTANT);
  await page.goto('/finance');
  const pay = page.getByRole('button', { name: /^Оплатить картой счёт / }).first();
  const invoices = page.getByRole('region', { name: /^\d+ сч[её]т/ });
  await expect(invoices).toBeVisible();
  await settled(page);
  // e2e.sh runs every backend with card payments on, against a local stand-in of Stripe's API.
  await expect(pay).toBeVisible();

  const intent = page.waitForResponse((response) => response.url().includes('/graphql/') && (response.request().postData() ?? '').includes('PaymentIntentCreate'));
  await pay.click();
  const created = (await (await intent).json()) as { data: { paymentIntentCreate: { clientSecret: string | null; errors: unknown[] } } };
  expect(created.data.paymentIntentCreate.errors).toEqual([]);
  expect(created.data.paymentIntentCreate.clientSecret).toMatch(/_secret_/);

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('standin-card-number')).toBeVisible();
  await screenshot(page, '153-desktop-card-payment', false);
  await dialog.getByTestId('card-pay-confirm').click();
  await expect(dialog.getByTestId('card-pay-done')).toBeVisible();
  expect(confirmed).toHaveLength(1);
  expect(created.data.paymentIntentCreate.clientSecret).toContain(confirmed[0]);

  await page.setViewportSize(PHONE);
  await screenshot(page, '154-phone-card-payment-done', false);
});
