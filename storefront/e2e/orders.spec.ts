/**
 * Issue 13's two scenarios, end to end against the real backend and the demo data:
 *
 * 1. A sub-dealer's buyer uploads a messy order workbook, fixes the two rows the report
 *    refuses, places the order over its spending limit; the order waits for its approver,
 *    who approves it from the approvals queue.
 * 2. A field manager (the manufacturer's staff, ordering for a dealer) on a 390 px screen
 *    places a 14-line order for the client in under 2 minutes of script time.
 *
 * Every step goes through the screens, as a person would.
 */
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SUB_DEALER_BUYER = 'subdealer1.buyer@demo.local';
const SUB_DEALER_APPROVER = 'subdealer1.approver@demo.local';
/** The manufacturer's person in the field, ordering for a dealer's shop (staff who may order for clients). */
const FIELD_MANAGER = 'admin@demo.local';
/** The files helper's demo workbook: title rows, merged cells, a totals row, two bad rows. */
const MESSY_WORKBOOK = resolve(process.cwd(), '..', 'tests', 'fixtures', 'order_files', 'messy-order.xlsx');

async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.context().clearCookies();
}

test('a sub-dealer’s buyer orders from a messy workbook over its limit; its approver approves', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, SUB_DEALER_BUYER);
  await page.goto('/cart');
  await expect(page.getByRole('heading', { level: 1, name: /^Корзина/ })).toBeVisible();
  const clear = page.getByRole('button', { name: 'Очистить корзину' });
  if (await clear.isVisible()) {
    await clear.click();
    await page.getByRole('dialog', { name: 'Очистить корзину?' }).getByRole('button', { name: 'Очистить' }).click();
  }

  // Upload, confirm the guessed columns, read the row report.
  await page.getByTestId('order-file-input').setInputFiles(MESSY_WORKBOOK);
  const mapping = page.getByRole('dialog', { name: 'Столбцы файла messy-order.xlsx' });
  await expect(mapping.getByTestId('column-mapping')).toBeVisible();
  await mapping.getByTestId('order-file-apply').click();
  const report = page.getByTestId('row-report');
  await expect(report.getByTestId('row-report-summary')).toHaveText('Добавлено 10 строк · пропущены 2');

  // Fix the two rows: the SKU one letter off takes the suggested one, the quantity below the
  // minimum takes the nearest valid one.
  await report.locator('[data-row="19"]').getByRole('button', { name: 'Добавить GR-UNI-0003-2.5L' }).click();
  await report.locator('[data-row="20"]').getByRole('button', { name: /^Добавить 6/ }).click();
  await expect(report.getByTestId('row-report-summary')).toHaveText('Добавлено 10 строк · пропущены 2 · исправлены 2');
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(12);

  // Placed over the buyer's spending limit: it waits for the organization's approver.
  await page.getByTestId('cart-actions').getByRole('link', { name: 'Оформить заказ' }).click();
  await expect(page.getByTestId('checkout-lines').getByRole('listitem')).toHaveCount(12);
  await page.getByTestId('place-order').click();
  const placed = page.getByTestId('order-placed');
  await expect(page.getByTestId('order-placed-status')).toHaveText(/^Ждёт согласования/);
  const href = (await placed.getByRole('link', { name: 'Открыть заказ' }).getAttribute('href')) ?? '';
  const number = ((await placed.getByRole('heading').first().textContent()) ?? '').replace(/^Заказ | оформлен$/g, '');
  const order = { id: decodeURIComponent(href.replace('/orders/', '')), number };
  await page.goto('/orders');
  await page.getByRole('searchbox', { name: 'Поиск заказа' }).fill(order.number);
  await page.getByRole('link', { name: order.number }).click();
  await expect(page.getByText(/Ждёт согласования: /)).toBeVisible();
  await screenshot(page, '250-desktop-order-waiting');

  // The approver sees it in the queue (the header counts it) and approves it.
  await signOut(page);
  await signIn(page, SUB_DEALER_APPROVER);
  const ordersLink = page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: /^Заказы/ });
  await expect(ordersLink).toHaveAccessibleName(/ждут решения: \d/);
  await ordersLink.click();
  await page.getByRole('navigation', { name: 'Разделы заказов' }).getByRole('link', { name: 'Согласование' }).click();
  await settled(page);
  await screenshot(page, '251-desktop-approvals');
  const card = page.locator('.order-card', { has: page.getByRole('link', { name: `№ ${order.number}` }) });
  await card.getByRole('button', { name: 'Согласовать' }).click();
  const dialog = page.getByRole('dialog', { name: `Согласовать заказ № ${order.number}?` });
  await dialog.getByRole('button', { name: 'Согласовать' }).click();
  await expect(page.getByText(`Заказ № ${order.number} согласован.`)).toBeVisible();

  await page.goto(`/orders/${order.id}`);
  await expect(page.locator('.order-summary__badges').getByText('Оформлен')).toBeVisible();
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Согласован');
  await screenshot(page, '252-desktop-order-approved');
});

// Fourteen lines a field manager types or pastes from the client's list: SKUs the demo's
// factory warehouses hold plenty of, each at a quantity its rules take.
const FOURTEEN_LINES = [
  'DK-MOL-0001-GR 2', 'DK-POL-0001-NUT 5', 'DK-POT-0001-IV 2', 'DV-EML-0001-700X2000 1',
  'DV-SHP-0001-700X2000 1', 'DV-VHD-0001-860X2050 1', 'EL-AVT-0001-16A 12', 'EL-ROZ-0001-AN 1',
  'EL-VYK-0001-AN 1', 'EM-UNI-0001-0.9L 6', 'GR-UNI-0001-10L 1', 'KR-FAS-0001-10L 1',
  'KR-INT-0001-10L 1', 'KR-MET-0001-0.9L 6',
];
const CLIENT = 'Столичный дом красок';

test('a field manager on a phone places a 14-line order for a client in under 2 minutes', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const started = Date.now();
  await signIn(page, FIELD_MANAGER);

  // The client first: the cart, its prices and stock become the client's.
  await page.goto('/cart');
  await page.getByRole('button', { name: 'Заказ для клиента' }).click();
  const picker = page.getByRole('dialog', { name: 'Для какого клиента заказ' });
  await picker.getByRole('searchbox', { name: 'Название или ИНН' }).fill('Столичный');
  await picker.getByTestId('client-list').getByRole('button', { name: new RegExp(CLIENT) }).click();
  await expect(page.getByTestId('ordering-for')).toContainText(`Заказ для клиента: ${CLIENT}`);
  const clear = page.getByRole('button', { name: 'Очистить корзину' });
  if (await clear.isVisible()) {
    await clear.click();
    await page.getByRole('dialog', { name: 'Очистить корзину?' }).getByRole('button', { name: 'Очистить' }).click();
  }

  // The fourteen lines pasted into the quick-order pad.
  const pad = page.getByTestId('quick-order');
  await pad.getByRole('textbox', { name: 'Строки заказа' }).fill(FOURTEEN_LINES.join('\n'));
  await pad.getByRole('button', { name: 'Добавить в корзину' }).click();
  await expect(pad.getByTestId('line-report').getByRole('status')).toHaveText('Добавлено 14 строк.');
  await expect(page.getByTestId('cart-line')).toHaveCount(14);

  // The checkout for the client, and the order placed.
  await page.getByTestId('cart-actions').getByRole('link', { name: 'Оформить заказ' }).click();
  await expect(page).toHaveURL(/\/checkout\?for=/);
  await expect(page.getByTestId('checkout-lines').getByRole('listitem')).toHaveCount(14);
  await page.getByTestId('place-order').click();
  const placed = page.getByTestId('order-placed');
  await expect(placed.getByRole('heading', { name: /^Заказ \d{2}-\d{5} оформлен$/ })).toBeVisible();
  await expect(page.getByText(`Для клиента: ${CLIENT}`)).toBeVisible();
  const href = (await placed.getByRole('link', { name: 'Открыть заказ' }).getAttribute('href')) ?? '';
  const number = ((await placed.getByRole('heading').first().textContent()) ?? '').replace(/^Заказ | оформлен$/g, '');
  const order = { id: decodeURIComponent(href.replace('/orders/', '')), number };
  // Two sellers' orders may share a number (numbers run per seller): the link to this one.
  const orderLink = `a[href="${href}"]`;

  // The order, on the phone: placed by the manager for the client.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText(/за клиента/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '14 позиций' })).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(120);
  await screenshot(page, '253-phone-order-for-client');

  await page.goto('/orders');
  await settled(page);
  await expect(page.locator(orderLink).first()).toHaveText(`№ ${order.number}`);
  await screenshot(page, '254-phone-orders', false);
  // Nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The same on a desktop: the table with the filters open beside it, and the order.
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole('table', { name: 'Заказы' }).locator(orderLink)).toHaveText(order.number);
  await screenshot(page, '255-desktop-orders', false);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Заказ оформлен');
  await screenshot(page, '256-desktop-order');
});
