import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { DEALER_BUYER, screenshot, settled, signIn } from './helpers';
import { sheetRows } from './xlsx';

const PHONE = { width: 390, height: 844 };

async function workbookOf(download: Download): Promise<string[][]> {
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  return sheetRows(readFileSync(path));
}

async function downloaded(page: Page, start: () => Promise<void>): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await start();
  return workbookOf(await download);
}

test('a dealer downloads its price list from the header: every row priced, tiers included', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEALER_BUYER);
  await settled(page);
  const button = page.getByRole('button', { name: 'Скачать прайс-лист (xlsx)' });
  await expect(button).toBeVisible();
  await screenshot(page, '140-desktop-price-download', false);

  const [header, ...rows] = await downloaded(page, () => button.click());

  expect(header?.slice(0, 6)).toEqual(['Артикул', 'Товар', 'Вариант', 'Мин. количество', 'Цена без НДС', 'Цена с НДС']);
  expect(rows.length).toBeGreaterThan(100);
  for (const row of rows.slice(0, 50)) {
    expect(Number(row[4])).toBeGreaterThan(0);
    expect(Number(row[5])).toBeGreaterThan(Number(row[4]));
  }
  // A variant with tiers has one row per tier, each from a larger quantity.
  const bySku = new Map<string, number[]>();
  for (const [sku = '', , , quantity] of rows) bySku.set(sku, [...(bySku.get(sku) ?? []), Number(quantity)]);
  expect([...bySku.values()].some((quantities) => quantities.length > 1)).toBe(true);
});

test('on a phone the download is in the folded menu, and says it in English', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'subdealer1.buyer@demo.local');
  await page.getByRole('button', { name: /^Меню/ }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /^Menu/ })).toHaveAttribute('aria-expanded', 'true');
  const button = page.getByRole('button', { name: 'Download price list (xlsx)' });
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await screenshot(page, '141-phone-price-download-menu', false);

  const [header, ...rows] = await downloaded(page, () => button.click());

  expect(header?.[0]).toBe('SKU');
  expect(rows.length).toBeGreaterThan(0);
});
