import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, settled, signIn } from './helpers';

const DEALER_ADMIN = 'dealer1.admin@demo.local';
const SUB_DEALER = 'subdealer1.buyer@demo.local'; // buys from dealer1
const OTHER_SUB_DEALER = 'subdealer3.buyer@demo.local'; // buys from dealer2
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
// Unique per run: the e2e database keeps what earlier runs published.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const TITLE = `Самовывоз по субботам ${RUN}`;
const PROMOTION_TITLE = `Двери со скидкой ${RUN}`;
// dealer1's running promotion in the demo prices (backend/demo/prices.py `_promotions`).
const DEALER_PROMOTION = 'Неделя межкомнатных дверей в Москве';

async function openFeed(page: Page) {
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByTestId('news-nav').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Новости и акции' })).toBeVisible();
  await settled(page);
}

/** Serious or critical WCAG 2.1 AA violations on the page (printed for the log). */
async function axeViolations(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const violation of serious) {
    console.log(`${violation.id} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes.slice(0, 5)) console.log(`  ${node.target.join(' ')}: ${node.failureSummary}`);
  }
  return serious.map((v) => v.id);
}

function card(page: Page, title: string) {
  return page.getByTestId('announcement').filter({ has: page.getByRole('heading', { name: title }) });
}

test.describe('announcements', () => {
  test.describe.configure({ mode: 'serial' });

  test('a dealer publishes to its sub-dealers', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    await openFeed(page);
    await page.getByRole('link', { name: 'Мои объявления' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мои объявления' })).toBeVisible();
    await page.getByRole('link', { name: 'Новое объявление' }).click();

    await page.getByLabel('Заголовок', { exact: true }).fill(TITLE);
    await page.getByLabel('Текст', { exact: true }).fill('Склад на Краснобогатырской открыт по субботам.\n\nЗаказ оформляйте до пятницы.');
    await page.getByRole('searchbox', { name: 'Найти товар' }).fill('Краска фасадная');
    await page.getByRole('button', { name: /^Добавить Краска фасадная/ }).first().click();
    await expect(page.getByTestId('picked-products').getByRole('listitem')).toHaveCount(1);
    await expect(page.getByTestId('announcement-preview')).toContainText('Заказ оформляйте до пятницы.');
    await screenshot(page, '120-desktop-announcement-form');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, '121-phone-announcement-form');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мои объявления' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expect(row).toContainText('Опубликовано');
    await expect(row).toContainText('Всем ниже');
    await screenshot(page, '122-desktop-my-announcements');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, '123-phone-my-announcements');
  });

  test('the sub-dealer sees it unread on its home screen, opens it, and it becomes read', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, SUB_DEALER);
    await expect(page.getByTestId('news-nav')).toHaveAttribute('aria-label', /непрочитанных: \d+/);
    await openFeed(page);
    const news = card(page, TITLE);
    await expect(news).toHaveAttribute('data-read', 'false');
    await expect(news.getByText('Новое', { exact: true })).toBeVisible();
    await expect(news).toContainText('Столичный дом красок');
    // The manufacturer's announcements to everyone below reach the sub-dealer too.
    await expect(card(page, 'Новый склад в Екатеринбурге')).toBeVisible();
    await screenshot(page, '124-desktop-feed');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, '125-phone-feed');

    await news.getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('Заказ оформляйте до пятницы.')).toBeVisible();
    await screenshot(page, '126-phone-announcement');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, '127-desktop-announcement');

    await page.getByRole('link', { name: /Все новости/ }).click();
    await expect(card(page, TITLE)).toHaveAttribute('data-read', 'true');
    await expect(card(page, TITLE).getByText('Новое', { exact: true })).toBeHidden();

    // «Mark all as read» leaves nothing unread.
    // Wait for the feed's count before deciding: the button is disabled until it is known.
    const count = page.getByTestId('unread-count');
    await expect(count).toHaveText(/непрочитанн|Всё прочитано/);
    if ((await count.textContent()) !== 'Всё прочитано') {
      const markAll = page.getByRole('button', { name: 'Отметить все прочитанными' });
      await expect(markAll).toBeEnabled();
      await markAll.click();
    }
    await expect(count).toHaveText('Всё прочитано');
    await expect(page.getByTestId('news-nav')).not.toHaveAttribute('aria-label', /непрочитанных/);
  });

  test('the catalog marks the promoted products and the product page names the announcement', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, SUB_DEALER);
    await openFeed(page);
    const promotion = card(page, 'Осенняя акция на фасадные краски');
    const product = promotion.getByRole('listitem').first().getByRole('link');
    const name = (await product.textContent()) ?? '';
    await product.click();
    const block = page.getByTestId('product-announcements');
    await expect(block.getByRole('link', { name: 'Осенняя акция на фасадные краски' })).toBeVisible();
    await screenshot(page, '128-desktop-product-announcement');
    await page.setViewportSize(PHONE);
    await screenshot(page, '129-phone-product-announcement');

    await page.setViewportSize(DESKTOP);
    await page.goto(`/catalog?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('link', { name: 'Акция: Осенняя акция на фасадные краски' }).first()).toBeVisible();
    await screenshot(page, '130-desktop-catalog-mark');
  });

  test("a promotion announcement points at one of the dealer's running promotions", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, DEALER_ADMIN);
    await page.goto('/announcements/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Новое объявление' })).toBeVisible();
    const picker = page.getByLabel('Акция', { exact: true });
    await expect(picker).toHaveCount(0); // news by default: no promotion to choose
    await page.getByLabel('Тип', { exact: true }).selectOption('PROMOTION');
    await expect(picker).toBeEnabled();
    const option = picker.locator('option', { hasText: DEALER_PROMOTION });
    await expect(option).toHaveCount(1);
    await picker.selectOption((await option.getAttribute('value')) ?? '');
    await page.getByLabel('Заголовок', { exact: true }).fill(PROMOTION_TITLE);
    await page.getByLabel('Текст', { exact: true }).fill('Всю неделю межкомнатные двери дешевле.');
    await expect(picker.locator('option:checked')).toHaveText(new RegExp(`^${DEALER_PROMOTION} · до `));
    await picker.scrollIntoViewIfNeeded();
    await screenshot(page, '133-desktop-announcement-promotion');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await picker.scrollIntoViewIfNeeded();
    await screenshot(page, '134-phone-announcement-promotion');

    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мои объявления' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: PROMOTION_TITLE });
    await expect(row).toContainText('Опубликовано');
    await screenshot(page, '135-phone-my-announcements-promotion');

    // Opened again, the form shows the promotion it points at.
    await row.getByRole('link', { name: 'Изменить' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Изменить объявление' })).toBeVisible();
    await expect(picker.locator('option:checked')).toHaveText(new RegExp(`^${DEALER_PROMOTION} · до `));
    await picker.scrollIntoViewIfNeeded();
    await screenshot(page, '136-phone-announcement-promotion-edit');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, '137-desktop-announcement-promotion-edit');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByLabel('Promotion', { exact: true })).toBeVisible();
    await screenshot(page, '138-desktop-announcement-promotion-en');
    await page.setViewportSize(PHONE);
    await page.getByLabel('Promotion', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, '139-phone-announcement-promotion-en');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Русский' }).click();
  });

  test("another dealer's sub-dealer does not receive it; the feed in English", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, OTHER_SUB_DEALER);
    await openFeed(page);
    await expect(card(page, 'Новый склад в Екатеринбурге')).toBeVisible();
    await expect(card(page, TITLE)).toHaveCount(0);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'News and promotions' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeVisible();
    await screenshot(page, '131-desktop-feed-en');
    await page.setViewportSize(PHONE);
    await screenshot(page, '132-phone-feed-en');
  });
});
