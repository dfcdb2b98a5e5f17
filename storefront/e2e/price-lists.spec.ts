import { expect, test, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';
import { workbookOf } from './xlsx';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const DEALER_ADMIN = 'dealer1.admin@demo.local';
const RESALE_LIST = 'Прайс для субдилеров';

/** "1 234,50 ₽" → 123450 (kopecks), to compare what the page shows. */
const kopecksOf = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
const decimalOf = (kopecks: number) => (kopecks / 100).toFixed(2);

async function openResaleList(page: Page) {
  await page.goto('/prices/lists');
  await page.getByRole('link', { name: RESALE_LIST }).click();
  await expect(page.getByRole('heading', { level: 1, name: RESALE_LIST })).toBeVisible();
  await expect(page.locator('.price-entries__table tbody tr').first()).toBeVisible();
  await settled(page);
}

test.describe('price lists', () => {
  test("a dealer's admin changes a tier of its resale list, then loads the old price back from a workbook", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    await page.goto('/prices/lists');
    const lists = page.getByRole('table', { name: 'Прайс-листы' });
    await expect(lists.getByRole('link', { name: RESALE_LIST })).toBeVisible();
    await screenshot(page, '150-desktop-price-lists');
    await openResaleList(page);
    await screenshot(page, '152-desktop-price-list');

    // The first variant's first tier: its price now, one rouble more, saved.
    const row = page.locator('.price-entries__table tbody tr').first();
    const sku = (await row.locator('strong').first().textContent())?.trim() ?? '';
    await row.getByRole('button', { name: `Изменить цены ${sku}` }).click();
    const editor = page.getByRole('group', { name: `Цены ${sku}` });
    const price = editor.getByLabel('Цена за единицу, RUB (ступень 1)');
    await expect(price).toHaveValue(/^\d+\.\d\d$/);
    const before = kopecksOf((await price.inputValue()).replace('.', ','));
    await price.fill(decimalOf(before + 100));
    await editor.scrollIntoViewIfNeeded();
    await screenshot(page, '154-desktop-price-list-tier-editor', false);
    await editor.getByRole('button', { name: 'Сохранить цены' }).click();
    await expect(editor).toHaveCount(0);
    await page.reload();
    const saved = page.getByTestId(`entry-${sku}`).locator('.price-tier-list li').first().locator('strong');
    await expect.poll(async () => kopecksOf((await saved.textContent()) ?? '')).toBe(before + 100);

    // A workbook with the old price: a dry run says one price changes, "Apply" saves it.
    await page.getByRole('button', { name: 'Загрузить из Excel' }).click();
    const dialog = page.getByRole('dialog', { name: `Загрузка цен в «${RESALE_LIST}»` });
    await dialog.getByLabel('Файл xlsx').setInputFiles({
      name: 'prices.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbookOf([
        ['Артикул', 'Мин. количество', 'Цена'],
        [sku, 1, before / 100],
      ]),
    });
    await dialog.getByRole('button', { name: 'Проверить' }).click();
    await expect(dialog.getByText('Проверена 1 строка, ошибок нет')).toBeVisible();
    await expect(dialog.getByText('изменится 1 цена')).toBeVisible();
    await expect(dialog.getByText('удалятся 0 цен')).toBeVisible();
    await screenshot(page, '157-desktop-price-import-dry-run', false);
    await page.setViewportSize(PHONE);
    await screenshot(page, '158-phone-price-import-dry-run', false);
    await page.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: 'Применить' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Загружена 1 строка')).toBeVisible();
    await expect.poll(async () => kopecksOf((await saved.textContent()) ?? '')).toBe(before);
  });

  test('a bulk change below the MAP floors is refused with the SKUs, nothing changed; on a phone too', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, DEALER_ADMIN);
    await page.goto('/prices/lists');
    await expect(page.getByRole('link', { name: RESALE_LIST })).toBeVisible();
    await settled(page);
    await screenshot(page, '151-phone-price-lists');
    await openResaleList(page);
    await screenshot(page, '153-phone-price-list');
    const first = page.locator('.price-entries__table tbody tr').first().locator('.price-tier-list strong').first();
    const before = await first.textContent();

    await page.getByRole('button', { name: 'Изменить цены на %' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить цены на процент' });
    await dialog.getByLabel('Изменение, %').fill('-20');
    await dialog.getByRole('button', { name: 'Продолжить' }).click();
    await expect(dialog.getByRole('status')).toContainText(/^Изменить [\d\s]+ цен[аы]? на /);
    await dialog.getByRole('button', { name: /^Изменить [\d\s]+ цен/ }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('Цены ниже минимальной цены перепродажи (МРЦ).');
    const skus = refusal.getByRole('list', { name: 'Артикулы' }).getByRole('listitem');
    await expect(skus.first()).toHaveText(/^[A-Z]{2}-[A-Z]{3}-/);
    expect(await skus.count()).toBeGreaterThan(0);
    await screenshot(page, '156-phone-price-bulk-refused', false);
    await page.setViewportSize(DESKTOP);
    await screenshot(page, '155-desktop-price-bulk-refused', false);
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await expect(first).toHaveText(before ?? '');
  });

  test("staff open the manufacturer's base list", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'admin@demo.local');
    await page.goto('/prices/lists?search=%D0%91%D0%B0%D0%B7%D0%BE%D0%B2%D1%8B%D0%B9');
    const lists = page.getByRole('table', { name: 'Прайс-листы' });
    await lists.getByRole('link', { name: 'Базовый прайс-лист' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Базовый прайс-лист' })).toBeVisible();
    const settings = page.getByRole('region', { name: 'Настройки' });
    await expect(settings).toContainText('Базовый');
    await expect(settings.getByRole('button', { name: 'Изменить настройки' })).toBeVisible();
    await expect(page.locator('.price-entries__table tbody tr').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Загрузить из Excel' })).toBeVisible();
    await screenshot(page, '159-desktop-price-list-staff-base');
  });
});
