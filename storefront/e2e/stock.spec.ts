import { expect, test, type Page } from '@playwright/test';
import { chooseRegion, screenshot, settled, signIn } from './helpers';
import { workbookOf } from './xlsx';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const DEALER_ADMIN = 'dealer1.admin@demo.local';
const SUB_DEALER_BUYER = 'subdealer1.buyer@demo.local';

/** Both widths of the page as it is now: desktop first, then the phone. */
async function bothWidths(page: Page, number: number, name: string, fullPage = true) {
  await screenshot(page, `${number}-desktop-${name}`, fullPage);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${number + 1}-phone-${name}`, fullPage);
  await page.setViewportSize(DESKTOP);
}

function uploadFile(rows: Array<Array<string | number>>) {
  return { name: 'stock.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbookOf(rows) };
}

test.describe('stock centers', () => {
  test("a dealer's admin uploads its stock center's stock: a bad row refused, a good file applied and in the history", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Склады' }).click();
    const warehouses = page.getByRole('table', { name: 'Склады' });
    await expect(warehouses.getByRole('link').first()).toBeVisible();
    await bothWidths(page, 200, 'stock-warehouses');

    await warehouses.getByRole('link').first().click();
    const stock = page.getByRole('table', { name: /^Остатки склада/ });
    const first = stock.locator('tbody tr').first();
    await expect(first).toBeVisible();
    await settled(page);
    await bothWidths(page, 202, 'stock-warehouse');
    const sku = ((await first.getByRole('link').first().textContent()) ?? '').trim();
    const onHand = Number(((await first.locator('td').nth(1).textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(sku).not.toBe('');

    // A file with an unknown SKU: every bad row named, nothing saved, no «Применить».
    await page.getByRole('link', { name: 'Загрузка xlsx' }).click();
    await page.getByLabel('Файл xlsx').setInputFiles(
      uploadFile([
        ['Артикул', 'Остаток'],
        [sku, onHand + 1],
        ['NO-SUCH-SKU-1', 5],
      ]),
    );
    await page.getByRole('button', { name: 'Проверить' }).click();
    const errors = page.getByRole('table', { name: 'Ошибки файла' });
    await expect(errors.locator('tbody tr')).toHaveCount(1);
    await expect(errors.locator('tbody tr').first()).toContainText('NO-SUCH-SKU-1');
    await expect(page.getByRole('button', { name: 'Применить' })).toHaveCount(0);
    await bothWidths(page, 204, 'stock-upload-errors');

    // The good file: the dry run says one quantity changes; «Применить» saves it.
    await page.getByLabel('Файл xlsx').setInputFiles(
      uploadFile([
        ['Артикул', 'Остаток'],
        [sku, onHand + 1],
      ]),
    );
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect(page.getByText('Проверена 1 строка, ошибок нет')).toBeVisible();
    await expect(page.getByText('изменится 1 остаток')).toBeVisible();
    await bothWidths(page, 206, 'stock-upload-dry-run');
    await page.getByRole('button', { name: 'Применить' }).click();
    await expect(page.getByText('Загружена 1 строка')).toBeVisible();

    // The movement history shows the upload: who, why, the change and what it became.
    await page.getByRole('link', { name: 'Открыть историю движений' }).click();
    const history = page.getByRole('table', { name: /^История движений склада/ });
    const latest = history.locator('tbody tr').first();
    await expect(latest).toContainText(sku);
    await expect(latest).toContainText('Загрузка xlsx');
    await expect(latest).toContainText('+1');
    await settled(page);
    await bothWidths(page, 208, 'stock-movements');
  });

  test("a sub-dealer's buyer follows the home screen's «Распродажа» to its dealer's leftovers on sale", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, SUB_DEALER_BUYER);
    // The home screen links the sale when the seller has some.
    await page.goto('/');
    await page.getByRole('link', { name: /^Распродажа: \d+ предложени/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Распродажа остатков' })).toBeVisible();
    const sale = page.getByRole('table', { name: 'Распродажа поставщика' });
    await expect(sale.locator('tbody tr').first()).toBeVisible();
    await expect(sale.locator('tbody tr').first()).toContainText('%');
    await settled(page);
    await bothWidths(page, 210, 'stock-leftovers');
  });

  test("a dealer's admin opens a new stock center, its region chosen from the list", async ({ page }) => {
    // A code of its own each run: the demo database outlives a run.
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    await page.goto('/stock');
    await page.getByRole('button', { name: 'Добавить склад' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый склад' });
    await dialog.getByLabel('Код').fill(code);
    await dialog.getByLabel('Название').fill(`Склад ${code}`);
    await dialog.getByLabel('Адрес').fill('ул. Портовая, 1');
    await chooseRegion(page, 'Приморский край');
    await dialog.getByLabel('Город').fill('Владивосток');
    await dialog.getByLabel('Можно забрать самовывозом').check();
    await screenshot(page, '212-desktop-stock-center-form', false);
    await page.setViewportSize(PHONE);
    await screenshot(page, '213-phone-stock-center-form', false);
    await dialog.getByRole('button', { name: 'Создать склад' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Склад ${code}` })).toBeVisible();
    await expect(page.getByText('Складов пока нет').or(page.getByText('На складе пока нет остатков'))).toBeVisible();
  });
});
