import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

const DEALER_ADMIN = 'dealer1.admin@demo.local';
const STAFF_ADMIN = 'admin@demo.local';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
// Unique per run: the e2e database keeps what earlier runs left.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
// dealer1's sub-dealers (backend/demo/network.py); no other spec reads this one's prices.
const SUB_DEALER = 'ДомТорг Зеленоград';

/** Picks a category in a CategoryPicker by its name (the options are indented by depth). */
async function pickCategory(scope: Page | Locator, label: string, name: string) {
  const select = scope.getByLabel(label, { exact: true });
  const option = select.locator('option', { hasText: name }).first();
  await expect(option).toBeAttached();
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

async function newPromotion(page: Page, name: string, percent: string, category: string) {
  await page.goto('/prices/promotions/new');
  await page.getByLabel('Название', { exact: true }).fill(name);
  await page.getByLabel('Скидка, %', { exact: true }).fill(percent);
  await pickCategory(page, 'Добавить категорию', category);
  await expect(page.getByRole('list', { name: 'Выбранные категории' })).toContainText(category);
}

test.describe('promotions and minimum prices', () => {
  test("a dealer's admin promotes to a sub-dealer and sees it running", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    const name = `Плинтусы для Зеленограда ${RUN}`;
    await newPromotion(page, name, '3', 'Плинтусы');
    await page.getByRole('searchbox', { name: 'Добавить организацию' }).fill('ДомТорг');
    await page.getByRole('button', { name: `Выбрать «${SUB_DEALER}»` }).click();
    await expect(page.getByRole('list', { name: 'Выбранные организации' })).toContainText(SUB_DEALER);
    await page.getByRole('radio', { name: /Суммируется с другими акциями/ }).check();
    await settled(page);
    await screenshot(page, '172-desktop-promotion-form');
    await page.setViewportSize(PHONE);
    await screenshot(page, '173-phone-promotion-form');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Создать акцию' }).click();

    await expect(page).toHaveURL(/\/prices\/promotions$/);
    await page.getByRole('button', { name: 'Идут' }).click();
    await page.getByRole('searchbox', { name: 'Поиск по названию' }).fill(RUN);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('−3 %');
    await expect(row).toContainText(SUB_DEALER);
    await expect(row).toContainText('Идут');
    await page.getByRole('searchbox', { name: 'Поиск по названию' }).fill('');
    await settled(page);
    await screenshot(page, '170-desktop-promotions');
    await page.setViewportSize(PHONE);
    await screenshot(page, '171-phone-promotions');
    await page.setViewportSize(DESKTOP);

    // Leave the database as the demo made it: the promotion goes, after a confirmation.
    await page.getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Удалить акцию' }).click();
    await page.getByRole('dialog', { name: 'Удалить акцию?' }).getByRole('button', { name: 'Удалить' }).click();
    await expect(page).toHaveURL(/\/prices\/promotions$/);
  });

  test('a promotion that takes resale prices below the MAP floor is refused with its SKUs', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    // The dealer's resale list is about 151% of the base price; paints' floor is 110%.
    await newPromotion(page, `Краски за полцены ${RUN}`, '30', 'Фасадные краски');
    await page.getByRole('button', { name: 'Создать акцию' }).click();
    const skus = page.getByRole('list', { name: 'Артикулы' });
    await expect(skus.getByRole('listitem').first()).toContainText('KR-FAS');
    await expect(page.getByLabel('Скидка, %', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/prices\/promotions\/new$/);
    await screenshot(page, '174-desktop-promotion-below-floor');
  });

  test('staff set a category floor and see it listed', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, STAFF_ADMIN);
    await page.goto('/prices/floors');
    await page.getByRole('button', { name: 'Задать минимальную цену' }).click();
    const form = page.getByRole('form', { name: 'Минимальная цена' });
    await form.getByRole('radio', { name: 'Категория (процент от базовой цены)' }).check();
    // 1% of the base price binds no price the demo quotes, so other specs see the same prices.
    await pickCategory(form, 'Категория', 'Смазочные материалы');
    await form.getByLabel('Процент от базовой цены, %').fill('1');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText(/Ни один прайс-лист перепродажи не оказался ниже|прайс-лист.* перепродажи оказал/)).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: 'Категория «Смазочные материалы»' });
    await expect(row).toContainText('1 % от базовой цены');
    await settled(page);
    await screenshot(page, '175-desktop-floors');
    await page.setViewportSize(PHONE);
    await screenshot(page, '176-phone-floors');
    await page.setViewportSize(DESKTOP);
    await row.getByRole('button', { name: /^Удалить/ }).click();
    await page.getByRole('dialog', { name: 'Удалить минимальную цену?' }).getByRole('button', { name: 'Удалить' }).click();
    await expect(row).toHaveCount(0);

    await page.goto('/prices/volume-discounts');
    await page.getByRole('button', { name: 'Добавить скидку' }).click();
    await page.getByLabel('Название', { exact: true }).fill('Крупный заказ');
    await page.getByLabel('От суммы, RUB').fill('300000');
    await page.getByLabel('Скидка, %').fill('3');
    await expect(page.getByText('от 300 000 ₽ — 3 %', { exact: true })).toBeVisible();
    await settled(page);
    await screenshot(page, '177-desktop-volume-discounts');
    await page.setViewportSize(PHONE);
    await screenshot(page, '178-phone-volume-discounts');
  });
});
