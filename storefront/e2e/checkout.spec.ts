/**
 * The checkout against the real backend and the demo data (features/checkout):
 *
 * 1. A dealer's buyer places its cart for pickup at the seller's warehouse and sees the
 *    confirmation with the order's number and the seller it went to.
 * 2. A dealer's admin orders for its sub-dealer: the client picker, the «ordering for» banner
 *    kept over a reload (`?for=`), and the confirmation naming the client.
 *
 * The cart's screen belongs to another helper (features/cart): the lines go in through the
 * same GraphQL API it calls (`api()` below, with the signed-in session's token).
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const DEALER_BUYER = 'dealer1.buyer@demo.local';
const DEALER_ADMIN = 'dealer1.admin@demo.local';

type Json = Record<string, any>;

/** A GraphQL request as the app makes it: the session's token and organization. */
async function api(page: Page, query: string, variables: Json = {}): Promise<Json> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${localStorage.getItem('b2b.access') ?? ''}`,
        'Content-Type': 'application/json',
      };
      const organization = localStorage.getItem('b2b.organization');
      if (organization) headers['X-Organization'] = organization;
      const response = await fetch('/graphql/', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return response.json();
    },
    { query, variables },
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}

/** A fresh cart of up to `count` of the SKUs, each at a quantity its rules take. */
async function fillCart(page: Page, buyer: string | null, skus: string[], count: number): Promise<void> {
  await api(page, `mutation C($buyer: ID) { cartClear(buyer: $buyer) { errors { code } } }`, { buyer });
  const quick = `mutation Q($buyer: ID, $text: String!) { quickOrderAdd(buyer: $buyer, text: $text) {
    addedCount report { sku status nearestQuantity } errors { code } } }`;
  const first = await api(page, quick, { buyer, text: skus.slice(0, count).map((sku) => `${sku} 1`).join('\n') });
  const retry = first.quickOrderAdd.report.filter((line: Json) => line.status === 'SKIPPED' && line.nearestQuantity);
  if (retry.length > 0) {
    await api(page, quick, { buyer, text: retry.map((line: Json) => `${line.sku} ${line.nearestQuantity}`).join('\n') });
  }
}

/** SKUs the buyer may order (the first the API suggests). */
async function orderableSkus(page: Page): Promise<string[]> {
  const { skuSuggestions } = await api(page, `{ skuSuggestions(query: "KR", first: 20) { sku } }`);
  return skuSuggestions.map((s: Json) => s.sku);
}

/** SKUs the organization itself holds plenty of: a sub-dealer's orders ship from its dealer's warehouses. */
async function ownStockedSkus(page: Page): Promise<string[]> {
  const { me } = await api(page, `{ me { activeOrganization { id } } }`);
  const { warehouses } = await api(page, `query W($owner: ID) { warehouses(filter: { owner: $owner }, first: 10) { edges { node { id } } } }`, {
    owner: me.activeOrganization.id,
  });
  const skus: string[] = [];
  for (const { node } of warehouses.edges) {
    const { stockItems } = await api(page, `query S($warehouse: ID) { stockItems(filter: { warehouse: $warehouse, inStock: true }, first: 50) {
      edges { node { onHand variant { sku } } } } }`, { warehouse: node.id });
    for (const item of stockItems.edges) if (Number(item.node.onHand) >= 50) skus.push(item.node.variant.sku);
  }
  return skus;
}

test('a dealer’s buyer places its cart for pickup and sees the confirmation', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEALER_BUYER);
  await fillCart(page, null, await orderableSkus(page), 3);

  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: 'Оформление заказа' })).toBeVisible();
  await expect(page.getByTestId('checkout-lines').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('shipment').first()).toBeVisible();
  await screenshot(page, '235-phone-checkout');

  await page.getByRole('button', { name: 'Самовывоз' }).click();
  const warehouse = page.getByRole('combobox', { name: 'Склад самовывоза' });
  await expect(warehouse.locator('option')).not.toHaveCount(1);
  await warehouse.selectOption({ index: 1 });
  await page.getByLabel('Ваш номер заказа').fill('E2E-CHECKOUT-1');
  await page.getByLabel('Комментарий').fill('Заберём после обеда');
  await page.setViewportSize(DESKTOP);
  await expect(page.getByTestId('shipment').first()).toContainText('Самовывоз');
  await screenshot(page, '236-desktop-checkout-pickup');

  await page.getByTestId('place-order').click();
  const placed = page.getByTestId('order-placed');
  await expect(placed.getByRole('heading', { name: /^Заказ \d{2}-\d{5} оформлен$/ })).toBeVisible();
  await expect(page.getByTestId('order-placed-status')).toHaveText(/^(Отправлен поставщику: .+|Ждёт согласования.*)$/);
  await expect(placed.getByRole('link', { name: 'Открыть заказ' })).toHaveAttribute('href', /^\/orders\/.+/);
  await screenshot(page, '237-desktop-order-placed');
  await page.setViewportSize(PHONE);
  await screenshot(page, '238-phone-order-placed');
});

test('a dealer’s admin orders for its sub-dealer, and the choice outlives a reload', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEALER_ADMIN);
  await page.goto('/checkout');
  await page.getByRole('button', { name: 'Заказ для клиента' }).click();
  const picker = page.getByRole('dialog', { name: 'Для какого клиента заказ' });
  await expect(picker.getByTestId('client-list')).toBeVisible();
  await screenshot(page, '239-phone-client-picker', false);
  await picker.getByTestId('client-list').getByRole('button').first().click();
  await expect(page).toHaveURL(/\/checkout\?for=/);
  const client = new URL(page.url()).searchParams.get('for');
  const banner = page.getByTestId('ordering-for');
  await expect(banner).toContainText('Заказ для клиента: ');

  await fillCart(page, client, await ownStockedSkus(page), 2);
  await page.reload();
  await expect(banner).not.toContainText('…');
  const name = ((await banner.textContent()) ?? '').replace(/^Заказ для клиента: /, '').replace(/Заказывать для своей организации$/, '');
  await expect(page.getByTestId('checkout-lines').getByRole('listitem')).not.toHaveCount(0);
  await screenshot(page, '240-phone-checkout-for-client');

  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('order-placed')).toBeVisible();
  await expect(page.getByText(`Для клиента: ${name}`)).toBeVisible();
  await screenshot(page, '241-phone-order-placed-for-client');
});
