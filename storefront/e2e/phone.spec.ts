import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEALER_BUYER, MULTI, resultRows, screenshot, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
// Products whose top was inside the first phone screen before the compact header (issue 10).
const FIRST_SCREEN_BEFORE = { rows: 4, cards: 4 };
// Inline links inside running text, exempt from the 44 px rule (WCAG 2.5.8 "inline"): none yet.
const INLINE_LINKS: string[] = [];

async function phoneCatalog(page: Page, search = '') {
  await page.setViewportSize(PHONE);
  await page.goto(`/catalog${search}`);
  await expect(page.getByTestId('results-count')).toHaveAttribute('aria-busy', 'false');
  await settled(page);
}

/** How far the page reaches past the right edge of the screen (0 when it fits). */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

/**
 * Every visible control smaller than 44 × 44 px: links, buttons, fields, summaries. A radio or
 * checkbox counts with its label, which takes the tap as well.
 */
function smallTapTargets(page: Page, exempt: string[] = INLINE_LINKS) {
  return page.evaluate((exemptTexts) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (box.bottom < 0 || box.right < 0) continue; // off-screen until focused (the skip link)
      if (element.closest('[aria-hidden="true"]')) continue;
      if (exemptTexts.includes(element.textContent?.trim() ?? '')) continue;
      let width = box.width;
      let height = box.height;
      if (element instanceof HTMLInputElement && element.labels) {
        for (const label of element.labels) {
          const labelBox = label.getBoundingClientRect();
          width = Math.max(width, labelBox.width);
          height = Math.max(height, labelBox.height);
        }
      }
      if (width < 43.5 || height < 43.5) {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        small.push(`${element.tagName.toLowerCase()}.${element.className} «${name}» ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return small;
  }, exempt);
}

/** Serious WCAG 2.1 AA problems axe finds on the page as it is now. */
async function axeProblems(page: Page) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** How many of `selector` start inside the first screen. */
function inFirstScreen(page: Page, selector: string) {
  return page.evaluate(
    (css) => [...document.querySelectorAll(css)].filter((element) => element.getBoundingClientRect().top < window.innerHeight).length,
    selector,
  );
}

test.describe('on a phone', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEALER_BUYER);
  });

  test('the header takes one row and more products fit in the first screen', async ({ page }) => {
    await phoneCatalog(page);
    const header = await page.locator('.shell__header').boundingBox();
    expect(header?.height ?? Infinity).toBeLessThanOrEqual(60);
    // One title: the catalog's heading, no breadcrumb repeating it.
    await expect(page.getByRole('heading', { level: 1, name: 'Каталог' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Вы здесь' })).toBeHidden();
    const rows = await inFirstScreen(page, '[data-testid="catalog-results"] tbody tr');
    console.log(`phone first screen: ${rows} list rows (before: ${FIRST_SCREEN_BEFORE.rows})`);
    expect(rows).toBeGreaterThan(FIRST_SCREEN_BEFORE.rows);
    await screenshot(page, '50-phone-catalog-list', false);

    await phoneCatalog(page, '?view=grid');
    await expect(page.locator('.product-card').first()).toBeVisible();
    const cards = await inFirstScreen(page, '.product-card');
    console.log(`phone first screen: ${cards} grid cards (before: ${FIRST_SCREEN_BEFORE.cards})`);
    // Cards carry the viewer's price since issue 11 (two lines more in a 170 px card): as many
    // as before the compact header start in the first screen, no longer more. The list keeps more.
    expect(cards).toBeGreaterThanOrEqual(FIRST_SCREEN_BEFORE.cards);
    await screenshot(page, '59-phone-catalog-grid', false);
  });

  test('the menu button opens sections, language and sign-out, and names the organization', async ({ page }) => {
    await phoneCatalog(page);
    const menu = page.getByRole('button', { name: /^Меню: / });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeHidden();
    await expect(page.getByTestId('menu-organization')).not.toBeEmpty();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator('#shell-menu');
    await expect(panel.getByRole('button', { name: 'Выйти' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'English' })).toBeVisible();
    expect(await smallTapTargets(page)).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, '53-phone-menu', false);

    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });

  test('long Russian words wrap: the grid and the product page never scroll sideways', async ({ page }) => {
    await phoneCatalog(page, '?view=grid&q=энергосберегающий');
    await expect(page.locator('.product-card').first()).toContainText('энергосберегающий');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const escaped = await page.evaluate(() => {
      const grid = document.querySelector('.product-grid') as HTMLElement;
      const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').map(parseFloat);
      const gridBox = grid.getBoundingClientRect();
      return [...grid.querySelectorAll<HTMLElement>('.product-card')].flatMap((card, index) => {
        const box = card.getBoundingClientRect();
        const column = columns[index % columns.length] ?? 0;
        const inside =
          box.width <= column + 0.5 &&
          box.left >= gridBox.left - 0.5 &&
          box.right <= gridBox.right + 0.5 &&
          card.scrollWidth <= card.clientWidth;
        return inside ? [] : [`card ${index}: ${box.width}px in a ${column}px column`];
      });
    });
    expect(escaped).toEqual([]);
    await screenshot(page, '51-phone-grid-long-words', false);

    await page.locator('.product-card a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('энергосберегающий');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('every control on the catalog and the product page is at least 44 × 44 px', async ({ page }) => {
    await phoneCatalog(page);
    expect(await smallTapTargets(page)).toEqual([]);
    await phoneCatalog(page, '?view=grid');
    expect(await smallTapTargets(page)).toEqual([]);
    // With a search typed and a filter chosen: the clear button and the filter chip.
    await phoneCatalog(page, '?q=краска&attr=osnova:akrilovaia');
    await expect(page.getByRole('button', { name: /Убрать фильтр/ })).toBeVisible();
    expect(await smallTapTargets(page)).toEqual([]);
    // Inside the filters sheet: the category tree, the filters, the sheet's own buttons.
    await page.getByRole('button', { name: /Категории и фильтры/ }).click();
    const sheet = page.getByRole('dialog');
    await expect(sheet).toBeVisible();
    await settled(page);
    expect(await smallTapTargets(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    await resultRows(page).first().getByRole('link').first().click();
    await expect(page.getByRole('group', { name: 'Вариант' })).toBeVisible();
    expect(await smallTapTargets(page)).toEqual([]);
  });

  test('the product page offers variants as cards that drive the order terms, kept in the address', async ({ page }) => {
    await phoneCatalog(page, '?q=краска интерьерная');
    await resultRows(page).first().getByRole('link').first().click();
    const group = page.getByRole('group', { name: 'Вариант' });
    const options = group.getByRole('radio');
    await expect(options).toHaveCount(5);
    await expect(options.first()).toBeChecked();
    // The picture leaves room: the first screen reaches the choice of variants.
    const choice = await group.boundingBox();
    expect(choice?.y ?? Infinity).toBeLessThan(PHONE.height);
    // The table would hide pack size and minimum order here; the cards show them.
    await expect(page.getByRole('table', { name: /Варианты товара/ })).toBeHidden();
    await expect(group.locator('label').first()).toContainText(/в упаковке \d+ шт\. · заказ от \d+ шт\./);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const third = options.nth(2);
    const sku = (await third.getAttribute('value')) ?? '';
    await third.check();
    await expect(third).toBeChecked();
    const terms = page.getByTestId('order-terms');
    await expect(terms).toContainText(sku);
    expect(await axeProblems(page)).toEqual([]);
    await expect(page).toHaveURL(new RegExp(`variant=${encodeURIComponent(sku).replace(/\./g, '\\.')}`));
    await screenshot(page, '52-phone-product-variant');

    // The keyboard moves along the radio group, and the terms follow.
    await third.focus();
    await page.keyboard.press('ArrowRight');
    const fourth = (await options.nth(3).getAttribute('value')) ?? '';
    await expect(options.nth(3)).toBeChecked();
    await expect(terms).toContainText(fourth);

    await page.reload();
    await expect(page.getByRole('group', { name: 'Вариант' }).getByRole('radio').nth(3)).toBeChecked();
    await expect(page.getByTestId('order-terms')).toContainText(fourth);

    // On a desktop the table stays, the chosen variant marked in it.
    await page.setViewportSize({ width: 1440, height: 900 });
    const table = page.getByRole('table', { name: /Варианты товара/ });
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr[aria-current="true"]')).toHaveCount(1);
    await expect(table.locator('tbody tr[aria-current="true"]')).toContainText(fourth);
    await screenshot(page, '55-desktop-product-variant');
  });

  test('the product page in English writes every number and unit the English way', async ({ page }) => {
    await phoneCatalog(page, '?q=краска интерьерная');
    await resultRows(page).first().getByRole('link').first().click();
    await expect(page.getByRole('group', { name: 'Вариант' })).toBeVisible();
    await page.getByRole('button', { name: /^Меню: / }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('Escape');

    const group = page.getByRole('group', { name: 'Variant' });
    await expect(group.getByRole('radio', { name: /0\.9 l/ })).toBeVisible();
    await expect(group.locator('label').first()).toContainText(/\d+ pcs? per pack · order from \d+ pcs?/);
    const text = (await page.locator('main').textContent()) ?? '';
    // No decimal comma ("0,9"); a comma grouping thousands ("RUB 1,739.00") is English.
    expect(text).not.toMatch(/\d,\d{1,2}(?!\d)/);
    expect(text).not.toMatch(/\d\s?(л|кг|шт\.|м³)(?![а-яё])/);
    expect(text).not.toMatch(/\b1 pcs\b/);
    await screenshot(page, '57-phone-product-english');
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByRole('table', { name: /Variants of/ })).toBeVisible();
    await screenshot(page, '58-desktop-product-english');
    await page.getByRole('button', { name: 'Русский' }).click();
  });
});

test.describe('switching organization', () => {
  test('is confirmed in a status message and shown in the header, on a phone and a desktop', async ({ page }) => {
    await signIn(page, MULTI);
    await page.setViewportSize(PHONE);
    await settled(page);
    const menu = page.getByRole('button', { name: /^Меню: / });
    const before = (await page.getByTestId('menu-organization').textContent()) ?? '';
    await menu.click();
    const switcher = page.getByRole('combobox', { name: 'Работаю от имени' });
    const other = await switcher.locator('option').evaluateAll(
      (options, current) =>
        options.map((option) => ({ value: (option as HTMLOptionElement).value, text: option.textContent ?? '' }))
          .find((option) => option.value && !option.text.startsWith(current)),
      before,
    );
    expect(other).toBeTruthy();
    await switcher.selectOption(other?.value ?? '');

    const name = (other?.text ?? '').split(' · ')[0] ?? '';
    const notice = page.getByRole('status').filter({ hasText: 'Вы работаете от имени' });
    await expect(notice).toContainText(`Вы работаете от имени «${name}»`);
    await expect(page.getByTestId('menu-organization')).toHaveText(name);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await screenshot(page, '54-phone-organization-switched', false);

    // Back on a desktop: the select in the header row, and the same confirmation.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(switcher).toBeVisible();
    const back = await switcher.locator('option').evaluateAll(
      (options, wanted) =>
        options.map((option) => (option as HTMLOptionElement)).find((option) => option.textContent?.startsWith(wanted))?.value,
      before,
    );
    await switcher.selectOption(back ?? '');
    await expect(notice).toContainText(`Вы работаете от имени «${before}»`);
    await screenshot(page, '56-desktop-organization-switched', false);
  });
});
