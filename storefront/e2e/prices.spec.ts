import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, resultRows, resultsCount, screenshot, settled, signIn } from './helpers';

// Столичный дом красок's buyer and a buyer of its sub-dealer Подмосковный строитель: the demo
// prices them differently for the same paint (backend/demo/README.md, «Prices»).
const SUB_DEALER_BUYER = 'subdealer1.buyer@demo.local';
const FACTORY_ADMIN = 'admin@demo.local';
const PAINT_SKU = 'KR-FAS-0001-0.9L';
const PHONE = { width: 390, height: 844 };

/** "от 1 234,50 ₽" / "RUB 1,234.50" → 1234.5 (for comparing what the page shows). */
function amountOf(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d,.]/g, '').replace(/[.,](?=\d{3}(\D|$))/g, '');
  return Number(digits.replace(',', '.'));
}

async function openPaint(page: Page): Promise<void> {
  await page.goto(`/catalog?q=${PAINT_SKU}`);
  await expect(page.getByTestId('results-count')).toHaveAttribute('data-search', PAINT_SKU);
  await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
  await resultRows(page).first().getByRole('link').first().click();
  await expect(page.getByTestId('order-panel')).toBeVisible();
}

/** Each amount at most the next (a cent of rounding aside: the API sorts on gross, the list may show net). */
function ascending(amounts: number[]): boolean {
  return amounts.every((amount, i) => i === 0 || (amounts[i - 1] ?? 0) <= amount + 0.02);
}

/** The paint's unit price without VAT on the product page (whichever basis leads), and its promotions' text. */
async function paintPrice(page: Page) {
  await openPaint(page);
  await page.goto(`${new URL(page.url()).pathname}?variant=${PAINT_SKU}`);
  const panel = page.getByTestId('variant-price');
  await expect(panel.getByTestId('price-amount')).toBeVisible();
  const main = await panel.getByTestId('price-amount').textContent();
  const other = (await panel.getByTestId('price-other').textContent()) ?? '';
  const leadsWithNet = other.startsWith('с НДС');
  return {
    net: leadsWithNet ? amountOf(main) : amountOf(other.split(':')[1]?.split('·')[0] ?? ''),
    promotions: (await panel.getByTestId('price-promotions').count())
      ? await panel.getByTestId('price-promotions').textContent()
      : '',
  };
}

test.describe('prices in the catalog', () => {
  test('a dealer and its sub-dealer see different prices for the same paint, each with its own terms', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    const dealer = await paintPrice(page);
    const panel = page.getByTestId('variant-price');
    // The factory's running promotion on facade paints lowers the dealer's price: struck-out list price, end date.
    expect(dealer.promotions).toContain('Осенняя распродажа фасадных красок');
    await expect(panel.locator('s.price__list')).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Цена от количества' })).toBeVisible();
    await expect(panel.getByRole('table').locator('tr[aria-current="true"]')).toHaveCount(1);
    await expect(panel.getByTestId('next-tier')).toContainText(/^Дешевле от \d+ шт\.: [\d\s]+,\d\d\s₽$/);
    await screenshot(page, '100-desktop-product-price-dealer');

    await page.setViewportSize(PHONE);
    await screenshot(page, '101-phone-product-price-dealer');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await signIn(page, SUB_DEALER_BUYER);
    const subDealer = await paintPrice(page);
    // The sub-dealer never sees the factory's promotion to its dealer, and pays its dealer's price.
    expect(subDealer.promotions).not.toContain('Осенняя распродажа');
    expect(dealer.net).toBeGreaterThan(0);
    expect(subDealer.net).toBeGreaterThan(dealer.net);
    await screenshot(page, '102-desktop-product-price-subdealer');
  });

  test('the list and the grid show each product’s price; sorting by price puts the cheapest first', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/catalog');
    await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
    await expect(resultRows(page).first().getByTestId('price-amount')).toBeVisible();

    const shown = async () => (await resultRows(page).getByTestId('price-amount').allTextContents()).map(amountOf);
    await page.getByLabel('Сортировка').selectOption({ label: 'Сначала дешёвые' });
    await expect(page).toHaveURL(/sort=price/);
    await expect(page.getByRole('columnheader', { name: /Цена/ })).toHaveAttribute('aria-sort', 'ascending');
    // The address changes before the list answers it: wait for the rows to be in price order.
    await expect.poll(async () => ascending(await shown()), { message: 'rows in ascending price order' }).toBe(true);
    await settled(page);
    const amounts = await shown();
    expect(amounts.length).toBeGreaterThan(5);
    expect(ascending(amounts), amounts.join(' ≤ ')).toBe(true);
    await screenshot(page, '103-desktop-catalog-sorted-by-price');

    // Descending from the column header: the dearest first.
    await page.getByRole('columnheader', { name: /Цена/ }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=-price/);
    await expect.poll(async () => (await shown())[0] ?? 0).toBeGreaterThan(amounts.at(-1) ?? 0);
    await settled(page);
    const descending = await shown();
    expect(ascending([...descending].reverse()), descending.join(' ≥ ')).toBe(true);

    await page.getByRole('button', { name: 'Плитка' }).click();
    await expect(page).toHaveURL(/view=grid/);
    await expect(page.locator('.product-card').first().getByTestId('price-amount')).toBeVisible();
    await screenshot(page, '104-desktop-grid-prices');
  });

  test('the price range filter narrows the list to prices inside it, on a phone in the bottom sheet', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await page.setViewportSize(PHONE);
    await page.goto('/catalog?sort=price');
    await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
    await settled(page);
    const before = await resultsCount(page);
    const cheapest = amountOf(await resultRows(page).first().getByTestId('price-amount').textContent());

    await page.getByRole('button', { name: 'Категории и фильтры' }).click();
    const sheet = page.getByRole('dialog', { name: 'Категории и фильтры' });
    const floor = Math.ceil(cheapest * 2);
    await sheet.getByLabel('Цена от').fill(String(floor));
    await sheet.getByRole('button', { name: 'Применить' }).click();
    await expect(page).toHaveURL(new RegExp(`price=${floor}-`));
    await expect(sheet.getByTestId('filters-show')).toHaveAttribute('aria-busy', 'false');
    await screenshot(page, '105-phone-price-filter-sheet');
    await sheet.getByTestId('filters-show').click();
    const after = await resultsCount(page);
    await settled(page);
    await expect(page.getByRole('button', { name: /Убрать фильтр «Цена: от/ })).toBeVisible();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    // The filter is on the price with VAT, the list shows this dealer's price without it: the
    // cheapest left is dearer than the cheapest before, and above the floor less any VAT rate.
    const first = amountOf(await resultRows(page).first().getByTestId('price-amount').textContent());
    expect(first).toBeGreaterThan(cheapest);
    expect(first * 1.3).toBeGreaterThanOrEqual(floor);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, '106-phone-catalog-prices');
  });

  test('the English product page says the price, tiers and promotions in English', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await openPaint(page);
    await page.getByRole('button', { name: 'English' }).click();
    const panel = page.getByTestId('variant-price');
    await expect(panel.getByRole('table', { name: 'Price by quantity' })).toBeVisible();
    await expect(panel.getByTestId('price-amount')).toHaveText(/^RUB\s[\d,]+\.\d\d$/);
    await screenshot(page, '107-desktop-product-price-en');
  });

  test('a user of no buying organization sees no price, and no price sort or filter', async ({ page }) => {
    await signIn(page, FACTORY_ADMIN);
    await page.goto('/catalog');
    await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
    await expect(resultRows(page).first()).toContainText('Цены видны организациям-партнёрам');
    await expect(page.getByTestId('price-amount')).toHaveCount(0);
    await expect(page.getByLabel('Сортировка').locator('option', { hasText: 'Сначала дешёвые' })).toHaveCount(0);
    await expect(page.getByLabel('Цена от')).toHaveCount(0);
    await screenshot(page, '108-desktop-catalog-no-prices');
  });
});
