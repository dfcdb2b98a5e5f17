import { expect, test } from '@playwright/test';
import { DEALER_BUYER, resultRows, screenshot, searchSettled, signIn } from './helpers';

// The demo's stock (backend/demo/stock_plan.py): the moulding «М-20» in oak is split between
// the Moscow and Krasnodar warehouses, neither holding 30 m alone, so a dealer in Moscow
// ordering 30 m gets two shipments.
const MOULDING = 'DK-MOL-0001';
const SPLIT_SKU = 'DK-MOL-0001-OAK';
const PHONE = { width: 390, height: 844 };

test.describe('stock in the catalog', () => {
  test('a dealer sees availability in the list, the warehouses on demand, and filters by its network’s stock', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await page.goto(`/catalog?q=${MOULDING}`);
    await searchSettled(page, MOULDING);
    const row = resultRows(page).first();
    const line = row.getByTestId('availability');
    await expect(line).toContainText(/В наличии|Под заказ|Нет в наличии/);
    await line.getByRole('button', { name: 'По складам' }).click();
    const details = row.getByTestId('availability-details');
    await expect(details).toContainText(SPLIT_SKU);
    await expect(details).toContainText('Склад Краснодар');
    await screenshot(page, '180-desktop-catalog-stock');

    // The box shows what the address says: it turns checked once the click has put
    // inStock=1 there, a render later (check() reads it at once and may see it unchanged).
    const inStock = page.getByRole('checkbox', { name: 'В наличии в моей сети' });
    await inStock.click();
    await expect(page).toHaveURL(/inStock=1/);
    await expect(inStock).toBeChecked();
    await expect(page.getByRole('button', { name: 'Убрать фильтр «В наличии в моей сети»' })).toBeVisible();
    await searchSettled(page, MOULDING);
    await expect(resultRows(page).first().getByTestId('availability')).toContainText('В наличии');

    await page.setViewportSize(PHONE);
    await page.goto(`/catalog?q=${MOULDING}`);
    await searchSettled(page, MOULDING);
    await resultRows(page).first().getByRole('button', { name: 'По складам' }).click();
    await screenshot(page, '181-phone-catalog-stock');
  });

  test('the product page shows stock per warehouse and a delivery preview in two shipments', async ({ page }) => {
    await signIn(page, DEALER_BUYER);
    await page.goto(`/catalog?q=${SPLIT_SKU}`);
    await searchSettled(page, SPLIT_SKU);
    const href = await resultRows(page).first().getByRole('link').first().getAttribute('href');
    await page.goto(`${href}?variant=${SPLIT_SKU}`);

    const table = page.getByRole('table', { name: `Наличие ${SPLIT_SKU} по складам` });
    await expect(table.getByRole('row', { name: /Склад Москва-Юг/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Склад Краснодар/ })).toBeVisible();

    const calculator = page.getByTestId('product-delivery');
    await calculator.getByLabel(new RegExp(SPLIT_SKU)).fill('30');
    await calculator.getByRole('button', { name: 'Рассчитать' }).click();
    await expect(calculator.getByTestId('shipment')).toHaveCount(2);
    await expect(calculator.getByTestId('shipment-summary')).toHaveText('2 отгрузки');
    await expect(calculator.getByTestId('shipment').nth(1)).toContainText('Склад');
    await expect(calculator.getByTestId('shipment-totals')).toContainText('Доставка всего');
    await calculator.scrollIntoViewIfNeeded();
    await screenshot(page, '182-desktop-product-stock-preview');

    await page.setViewportSize(PHONE);
    await expect(calculator.getByTestId('shipment')).toHaveCount(2);
    // Nothing scrolls sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, '183-phone-product-stock-preview');
  });
});
