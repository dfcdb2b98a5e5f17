import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, resultRows, resultsCount, screenshot, searchSettled, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The count shown beside a filter value (the products it finds with the other filters). */
async function valueCount(page: Page, value: string): Promise<number> {
  const count = page.locator('.ui-checkbox', { has: page.locator(`[data-value="${value}"]`) })
    .locator('.attribute-filters__value-count [aria-hidden="true"]');
  return Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
}

/** «товар», «товара» or «товаров» after the number `n`. */
function productsWord(n: number): string {
  const [ten, hundred] = [n % 10, n % 100];
  if (ten === 1 && hundred !== 11) return 'товар';
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return 'товара';
  return 'товаров';
}

test.describe('catalog filters and search corrections', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEALER_BUYER);
  });

  test('offers only the filters of the products found, each value with its count', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/catalog/kraski');
    expect(await resultsCount(page)).toBe(45);
    const filters = page.getByRole('complementary', { name: 'Категории и фильтры' });
    await expect(filters.locator('summary', { hasText: 'Основа' })).toBeVisible();
    // Attributes of doors, windows and breakers are not offered among paints.
    for (const other of ['Номинальный ток', 'Стеклопакет', 'Материал']) {
      await expect(filters.locator('summary', { hasText: other })).toHaveCount(0);
    }

    await filters.locator('summary', { hasText: 'Основа' }).click();
    const acrylic = await valueCount(page, 'akrilovaia');
    expect(acrylic).toBeGreaterThan(0);
    expect(acrylic).toBeLessThan(45);
    await filters.getByRole('checkbox', { name: /^акриловая/ }).click();
    await expect(filters.getByRole('checkbox', { name: /^акриловая/ })).toBeChecked();
    await expect.poll(() => resultsCount(page)).toBe(acrylic);
    await settled(page);
    await screenshot(page, '40-desktop-facets', false);

    // Another category: its own attributes, the chosen value gone with nothing to find.
    await page.goto('/catalog/dveri');
    expect(await resultsCount(page)).toBeGreaterThan(0);
    await expect(filters.locator('summary', { hasText: 'Материал' })).toBeVisible();
    await expect(filters.locator('summary', { hasText: 'Основа' })).toHaveCount(0);
  });

  test('opens the filters on a phone as a bottom sheet showing how many products they find', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/catalog/kraski');
    expect(await resultsCount(page)).toBe(45);

    await page.getByRole('button', { name: 'Категории и фильтры' }).click();
    const sheet = page.getByRole('dialog', { name: 'Категории и фильтры' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toHaveAttribute('aria-modal', 'true');
    const box = await sheet.boundingBox();
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(PHONE.height); // anchored at the bottom
    const show = sheet.getByTestId('filters-show');
    await expect(show).toHaveText('Показать 45 товаров');
    await screenshot(page, '41-phone-filters-sheet', false);

    await sheet.locator('summary', { hasText: 'Основа' }).click();
    const acrylic = await valueCount(page, 'akrilovaia');
    await sheet.getByRole('checkbox', { name: /^акриловая/ }).click();
    await expect(show).toHaveText(`Показать ${acrylic} ${productsWord(acrylic)}`);
    await expect(show).toHaveAttribute('aria-busy', 'false');
    // The button stays on screen however far the filters scroll.
    await sheet.locator('.filter-sheet__body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await expect(show).toBeInViewport();
    await screenshot(page, '42-phone-filters-chosen', false);
    await settled(page);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Escape closes the sheet without losing the choice; the button shows the results.
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: 'Категории и фильтры (1)' })).toBeFocused();
    await page.getByRole('button', { name: 'Категории и фильтры (1)' }).click();
    await sheet.getByTestId('filters-show').click();
    await expect(sheet).toBeHidden();
    expect(await resultsCount(page)).toBe(acrylic);
    // The closed sheet takes no room: the results use the whole width (less the margins).
    const results = await page.getByTestId('catalog-results').boundingBox();
    expect(results?.width ?? 0).toBeGreaterThan(PHONE.width - 40);
    await settled(page);
    await screenshot(page, '43-phone-filtered', false);

    // Reset in the sheet clears the filters and shows the whole category again.
    await page.getByRole('button', { name: 'Категории и фильтры (1)' }).click();
    await sheet.getByRole('button', { name: 'Сбросить' }).click();
    await expect(sheet.getByTestId('filters-show')).toHaveText('Показать 45 товаров');
  });

  test('forgives a typo and the wrong keyboard layout, and says so', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    expect(await resultsCount(page)).toBe(300);
    const search = page.getByRole('searchbox', { name: 'Поиск по названию и артикулу' });

    await search.fill('rhfcrf');
    await searchSettled(page, 'rhfcrf');
    await expect(page.getByTestId('search-correction')).toHaveText('Показаны результаты по запросу «краска»');
    expect(await resultsCount(page)).toBeGreaterThan(0);
    await expect(resultRows(page).first()).toContainText(/[Кк]раск/);

    await search.fill('краска фосадная');
    await searchSettled(page, 'краска фосадная');
    await expect(page.getByTestId('search-correction')).toHaveText('Показаны результаты по запросу «краска фасадная»');
    await expect(resultRows(page).first()).toContainText(/фасадн/i);
    await settled(page);
    await screenshot(page, '44-desktop-search-corrected', false);

    // A search that finds something as typed is not corrected.
    await search.fill('краска фасадная');
    await searchSettled(page, 'краска фасадная');
    await expect(resultRows(page).first()).toContainText(/фасадн/i);
    await expect(page.getByTestId('search-correction')).toHaveCount(0);

    await page.setViewportSize(PHONE);
    await search.fill('rhfcrf');
    await searchSettled(page, 'rhfcrf');
    await expect(page.getByTestId('search-correction')).toBeVisible();
    await settled(page);
    await screenshot(page, '45-phone-search-corrected', false);
  });

  test('says an unknown category does not exist, and nothing is loading', async ({ page }) => {
    for (const [viewport, name] of [
      [DESKTOP, '46-desktop-unknown-category'],
      [PHONE, '47-phone-unknown-category'],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto('/catalog/takoi-net');
      await expect(page.getByText('Такой категории нет')).toBeVisible();
      await expect(page.getByText('Загрузка…')).toHaveCount(0);
      await expect(page.getByTestId('results-count')).toHaveCount(0);
      await screenshot(page, name, false);
    }
  });
});
