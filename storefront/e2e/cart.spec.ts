import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, screenshot, settled, signIn } from './helpers';

/**
 * The cart (issue 13) against the real API: add from the catalog with the stepper, then the
 * quick-order pad with a SKU that does not exist and a suggested one added instead. Each test
 * starts from an empty cart, whatever an earlier spec left in it.
 */

async function emptyCart(page: Page): Promise<void> {
  await page.goto('/cart');
  await expect(page.getByRole('heading', { level: 1, name: /^Корзина/ })).toBeVisible();
  const clear = page.getByRole('button', { name: 'Очистить корзину' });
  const empty = page.locator('.ui-empty__title', { hasText: 'Корзина пуста' });
  await expect(clear.or(empty)).toBeVisible();
  if (await clear.isVisible()) {
    await clear.click();
    await page.getByRole('dialog', { name: 'Очистить корзину?' }).getByRole('button', { name: 'Очистить' }).click();
    await expect(empty).toBeVisible();
  }
  await expect(page.getByTestId('cart-badge')).toHaveAttribute('aria-label', 'Корзина пуста');
}

test.describe('cart', () => {
  test('adds a catalog row with the stepper; the badge counts it and the cart shows the line with its totals', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEALER_BUYER);
    await emptyCart(page);

    await page.goto('/catalog');
    await settled(page);
    const row = page.getByTestId('catalog-results').locator('table tbody tr').first();
    await row.getByTestId('cart-toggle').click();
    const control = row.getByTestId('add-to-cart');
    const quantity = control.getByRole('textbox', { name: /^Количество, / });
    const minimum = await quantity.inputValue();
    await control.getByRole('button', { name: 'Больше' }).click();
    await expect(quantity).not.toHaveValue(minimum);
    await control.getByRole('button', { name: /^В корзину: / }).click();
    await expect(control.getByTestId('added-to-cart')).toContainText('Добавлено в корзину');
    await expect(page.getByTestId('cart-badge')).toHaveAttribute('aria-label', 'Корзина: 1 строка');

    await control.getByRole('link', { name: 'Перейти в корзину' }).click();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('cart-total-gross')).toContainText('₽');
    await expect(page.getByTestId('cart-actions').getByRole('link', { name: 'Оформить заказ' })).toBeVisible();
    await screenshot(page, '220-phone-cart');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, '221-desktop-cart');
  });

  test('the quick-order pad: a suggested SKU typed in, an unknown SKU reported with suggestions, one tapped in', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEALER_BUYER);
    await emptyCart(page);

    const pad = page.getByTestId('quick-order');
    const search = pad.getByRole('combobox', { name: 'Найти артикул' });
    await search.fill('KR-FAS-0001');
    await expect(pad.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await search.press('ArrowDown');
    await search.press('Enter');
    const lines = pad.getByRole('textbox', { name: 'Строки заказа' });
    await expect(lines).toHaveValue(/^KR-FAS-0001-\S+ \d+/);
    await lines.fill(`${await lines.inputValue()}\nKR-FAS-0001-10 2`);
    await pad.getByRole('button', { name: 'Добавить в корзину' }).click();

    const report = pad.getByTestId('line-report');
    await expect(report.getByRole('status')).toHaveText('Добавлена 1 строка. Пропущена 1 строка.');
    const skipped = report.getByTestId('line-report-row').nth(1);
    await expect(skipped).toContainText('Товара с таким артикулом нет.');
    await screenshot(page, '222-phone-quick-order-report');
    const suggestion = skipped.getByRole('button', { name: /^Добавить KR-/ }).first();
    const sku = ((await suggestion.textContent()) ?? '').replace('Добавить ', '');
    await suggestion.click();
    await expect(skipped).toContainText(`добавлено: ${sku}`);
    await expect(page.getByTestId('cart-badge')).toHaveAttribute('aria-label', 'Корзина: 2 строки');

    await page.goto('/cart/saved');
    const form = page.getByRole('form', { name: 'Сохранить текущую корзину' });
    await form.getByRole('textbox', { name: 'Название' }).fill(`Быстрый заказ ${Date.now()}`);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect(form.getByText(/Корзина сохранена как/)).toBeVisible();
    await screenshot(page, '223-phone-saved-carts');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, '224-desktop-saved-carts');
  });
});
