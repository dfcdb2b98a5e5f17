/**
 * Issue 14's scenario, end to end against the real backend and the demo data: a sub-dealer
 * orders; its dealer confirms the order and forwards it to the factory; the factory's staff
 * propose a smaller quantity on one line; the dealer accepts; staff move 4 of the 5 units of
 * the other line to ready and ship them; the sub-dealer sees those 4 units shipped.
 *
 * Every step goes through the screens: the moderation console (/moderation), the forwarding
 * screen (/moderation/forward) and the buyer's order page (/orders/:id).
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SUB_DEALER = 'subdealer1.buyer@demo.local';
const SUB_DEALER_NAME = 'Подмосковный строитель';
const DEALER = 'dealer1.admin@demo.local';
const STAFF = 'admin@demo.local';
/** Cheap sockets the dealer stocks (a small order stays under the sub-dealer buyer's spending limit). */
const SHIPPED_SKU = 'EL-ROZ-0003-WH';
const REDUCED_SKU = 'EL-ROZ-0004-IV';

async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.context().clearCookies();
}

/**
 * The header fits without overflow: at 1280 px its links, the organization and the tools side
 * by side (the organization's label never runs under the tools), at 390 px the folded menu.
 */
async function headerFits(page: Page): Promise<void> {
  for (const size of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(size);
    const fit = await page.locator('.shell__bar').evaluate((bar) => {
      const right = (selector: string) => bar.querySelector(selector)?.getBoundingClientRect().right ?? 0;
      const left = (selector: string) => bar.querySelector(selector)?.getBoundingClientRect().left ?? Infinity;
      const context = bar.querySelector('.shell__context');
      const inside = context ? context.scrollWidth <= context.clientWidth + 1 : true;
      return { overflow: bar.scrollWidth - bar.clientWidth, apart: right('.shell__context') <= left('.shell__tools'), inside };
    });
    expect(fit).toEqual({ overflow: 0, apart: true, inside: true });
  }
  await page.setViewportSize(DESKTOP);
}

/** Opens the moderation screen of the order `number` from the queue. */
async function openFromQueue(page: Page, number: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Модерация' }).click();
  await page.getByRole('searchbox', { name: 'Поиск в очереди' }).fill(number);
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Заказ № ${number}` })).toBeVisible();
}

/** Moves `quantity` units of the line `sku` with the bulk-move dialog; returns the dialog. */
async function moveUnits(page: Page, transition: string, sku: string, quantity: string) {
  await page.getByRole('button', { name: 'Статусы единиц' }).click();
  const dialog = page.getByRole('dialog', { name: /^Статусы единиц заказа/ });
  await dialog.getByRole('combobox', { name: 'Откуда → куда' }).selectOption({ label: transition });
  await dialog.getByRole('checkbox', { name: new RegExp(sku) }).check();
  await dialog.getByRole('textbox', { name: `Сколько единиц ${sku}` }).fill(quantity);
  return dialog;
}

test('a sub-dealer’s order goes through its dealer and the factory, and 4 of 5 units come back shipped', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);

  // The sub-dealer orders 5 + 3 sockets from its dealer with the quick-order pad.
  await signIn(page, SUB_DEALER);
  await page.goto('/cart');
  const clear = page.getByRole('button', { name: 'Очистить корзину' });
  if (await clear.isVisible()) {
    await clear.click();
    await page.getByRole('dialog', { name: 'Очистить корзину?' }).getByRole('button', { name: 'Очистить' }).click();
  }
  const pad = page.getByTestId('quick-order');
  await pad.getByRole('textbox', { name: 'Строки заказа' }).fill(`${SHIPPED_SKU} 5\n${REDUCED_SKU} 3`);
  await pad.getByRole('button', { name: 'Добавить в корзину' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await page.getByTestId('cart-actions').getByRole('link', { name: 'Оформить заказ' }).click();
  await page.getByTestId('place-order').click();
  const placed = page.getByTestId('order-placed');
  const subHref = (await placed.getByRole('link', { name: 'Открыть заказ' }).getAttribute('href')) ?? '';
  const subNumber = ((await placed.getByRole('heading').first().textContent()) ?? '').replace(/^Заказ | оформлен$/g, '');

  // Its dealer confirms it from the moderation queue, then forwards it to the factory.
  await signOut(page);
  await signIn(page, DEALER);
  await headerFits(page);
  await openFromQueue(page, subNumber);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByRole('dialog', { name: `Подтвердить заказ № ${subNumber}?` }).getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText(`Заказ № ${subNumber} подтверждён.`)).toBeVisible();
  await page.getByRole('navigation', { name: 'Разделы модерации' }).getByRole('link', { name: 'Передать заводу' }).click();
  await page.getByRole('checkbox', { name: `№ ${subNumber}, ${SUB_DEALER_NAME}` }).check();
  await screenshot(page, '153-desktop-forward');
  await page.setViewportSize(PHONE);
  await screenshot(page, '154-phone-forward');
  await page.setViewportSize(DESKTOP);
  await page.getByRole('button', { name: 'Передать 1 заказ одним заказом' }).click();
  const forwarded = page.getByRole('status').filter({ hasText: 'Передано заводу: заказ №' });
  await expect(forwarded).toBeVisible();
  const number = ((await forwarded.locator('.ui-alert__title').textContent()) ?? '').replace('Передано заводу: заказ № ', '');
  // Numbers run per seller: the dealer's own orders and its sub-dealers' may share one.
  const forwardedHref = (await forwarded.getByRole('link', { name: `Открыть заказ № ${number}` }).getAttribute('href')) ?? '';

  // The factory's staff take the forwarded order and propose 2 instead of 3 sockets.
  await signOut(page);
  await signIn(page, STAFF);
  await headerFits(page);
  await page.goto('/moderation');
  await settled(page);
  await screenshot(page, '151-desktop-moderation-queue');
  await page.setViewportSize(PHONE);
  await screenshot(page, '152-phone-moderation-queue');
  await page.setViewportSize(DESKTOP);
  await openFromQueue(page, number);
  await page.getByRole('button', { name: 'Взять на модерацию' }).click();
  await page.getByRole('button', { name: 'Предложить изменения' }).click();
  const propose = page.getByRole('dialog', { name: `Предложить изменения по заказу № ${number}` });
  await propose.getByRole('combobox', { name: `Изменение для ${REDUCED_SKU}` }).selectOption('QUANTITY');
  await propose.getByRole('textbox', { name: `Новое количество ${REDUCED_SKU}` }).fill('2');
  await propose.getByRole('textbox', { name: `Комментарий к ${REDUCED_SKU}` }).fill('Есть только 2');
  await screenshot(page, '155-desktop-proposals', false);
  await propose.getByRole('button', { name: 'Отправить 1 предложение' }).click();
  await expect(page.getByText('Предложения отправлены покупателю.')).toBeVisible();

  // The dealer accepts on its order page.
  await signOut(page);
  await signIn(page, DEALER);
  await page.goto(forwardedHref);
  await page.getByRole('button', { name: 'Принять' }).click();
  await expect(page.getByText('Предложение принято.')).toBeVisible();

  // Staff confirm, make 4 of the 5 sockets ready and ship them with a dispatch document.
  await signOut(page);
  await signIn(page, STAFF);
  await openFromQueue(page, number);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByRole('dialog', { name: `Подтвердить заказ № ${number}?` }).getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText(`Заказ № ${number} подтверждён.`)).toBeVisible();
  const ready = await moveUnits(page, 'Ожидает → Готово', SHIPPED_SKU, '4');
  await ready.getByRole('button', { name: 'Перевести' }).click();
  await expect(page.getByText('Статусы единиц изменены.')).toBeVisible();
  const ship = await moveUnits(page, 'Готово → Отгружено', SHIPPED_SKU, '4');
  await ship.getByRole('textbox', { name: 'Номер документа' }).fill('ТН-1414');
  await ship.getByRole('textbox', { name: 'Перевозчик' }).fill('ПЭК');
  await screenshot(page, '157-desktop-ship-dialog', false);
  await ship.getByRole('button', { name: 'Отгрузить' }).click();
  await expect(page.getByText(/Создана отгрузка/)).toBeVisible();
  const dispatches = page.getByRole('region', { name: 'Отгрузки' });
  await expect(dispatches.getByRole('link', { name: /^Печать упаковочного листа/ })).toHaveAttribute('href', /packing-list/);
  await expect(page.getByRole('list', { name: `Единицы ${SHIPPED_SKU} по статусам` })).toContainText('Отгружено: 4');
  await screenshot(page, '158-desktop-moderation-shipped');
  await page.setViewportSize(PHONE);
  await screenshot(page, '159-phone-moderation-shipped');
  await page.setViewportSize(DESKTOP);

  // The sub-dealer sees the 4 sockets shipped on its own order.
  await signOut(page);
  await signIn(page, SUB_DEALER);
  await page.goto(subHref);
  // The line of 5: 4 shipped, 1 still pending (the order's own bar sums every line).
  await expect(page.getByRole('img', { name: 'Единицы по статусам: Ожидает: 1 шт., Отгружено: 4 шт.', exact: true })).toBeVisible();
  await page.setViewportSize(PHONE);
  await screenshot(page, '156-phone-subdealer-order-shipped');
});
