import { expect, test, type Page } from '@playwright/test';
import { companyInn } from '../src/features/network/inn';
import { screenshot, settled, signIn } from './helpers';

const STAFF_ADMIN = 'admin@demo.local';
const DEALER_ADMIN = 'dealer1.admin@demo.local';
// Unique per run: the e2e database keeps what earlier runs made.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
// The demo's «Фасад-Мастер» sent the form six times: each application has five near-duplicates.
const FLOOD = 'Фасад-Мастер';

const SUBMIT = `mutation Submit($input: PartnerApplicationSubmitInput!) {
  partnerApplicationSubmit(input: $input) { receipt { number } errors { code message } }
}`;

/** Applies through the public API (the form itself is tested in network.spec.ts); the receipt's number. */
async function apply(page: Page, company: string): Promise<number> {
  const inn = companyInn(String(100_000_000 + Math.floor(Math.random() * 800_000_000)));
  const response = await page.request.post('/graphql/', {
    data: {
      query: SUBMIT,
      variables: {
        input: {
          companyName: company,
          legalName: `ООО «${company}»`,
          inn,
          region: 'Тульская область',
          address: 'г. Тула, пр. Ленина, 10',
          contactFirstName: 'Анна',
          contactLastName: 'Орлова',
          email: `staff.${RUN}@demo.local`,
          comment: 'Торгуем красками в Туле 10 лет, хотим работать напрямую.',
        },
      },
    },
  });
  const payload = (await response.json()).data.partnerApplicationSubmit;
  expect(payload.errors).toEqual([]);
  return payload.receipt.number as number;
}

async function openQueue(page: Page, search: string): Promise<void> {
  await page.goto(`/staff/applications?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Заявки на партнёрство' })).toBeVisible();
  await settled(page);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe('staff review', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('repeated flags are one Russian line that expands, and the details say where the company joins', async ({ page }) => {
    await signIn(page, STAFF_ADMIN);
    await openQueue(page, FLOOD);
    const table = page.getByRole('table', { name: 'Заявки' });
    const rows = table.locator('tbody tr').filter({ hasText: FLOOD });
    await expect(rows).toHaveCount(6);
    const last = rows.first(); // newest first
    const flags = last.getByRole('list', { name: 'Проверить' });
    await expect(flags.locator(':scope > li')).toHaveCount(1);
    await expect(flags).toContainText('Похожее название');
    await expect(flags).toContainText('5 заявок');
    await expect(table).not.toContainText(/resembles|pending application|registered to/);
    await flags.getByText('5 заявок').click();
    await expect(flags.locator('details li').filter({ hasText: new RegExp(`^заявка (З-\\d{6} )?«${FLOOD}»`) })).toHaveCount(5);
    await expect(last).toContainText(/З-\d{6}/);
    await screenshot(page, '60-desktop-review-flags');

    // The first of them learnt of the five that came after it.
    await rows.last().getByRole('button', { name: `Подробнее о заявке «${FLOOD}»` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Заявка З-\\d{6}: «${FLOOD}»$`) });
    const details = dialog.getByTestId('application-details');
    await expect(details).toContainText('Демо-заявка');
    await expect(details).toContainText('Тульская область');
    await expect(details).toContainText('Олег Петров');
    // The dealer of the region if there is one (earlier runs approve Tula companies), else the factory.
    await expect(details.getByText(/^.+ — как (дилер|субдилер)$/)).toBeVisible();
    await expect(dialog.locator('details li').filter({ hasText: 'подана позже' })).toHaveCount(5);
    await screenshot(page, '61-desktop-review-details', false);
  });

  test('an application is found by its number and approved only after a confirmation naming the dealer', async ({ page }) => {
    const company = `Тула-Колор ${RUN}`;
    const number = await apply(page, company);
    const written = `З-${String(number).padStart(6, '0')}`;
    await signIn(page, STAFF_ADMIN);
    for (const search of [written, String(number).padStart(6, '0'), String(number)]) {
      await openQueue(page, search);
      await expect(page.getByRole('table', { name: 'Заявки' }).locator('tbody tr').filter({ hasText: company })).toHaveCount(1);
    }
    const row = page.getByRole('table', { name: 'Заявки' }).locator('tbody tr').filter({ hasText: company });
    await expect(row).toContainText(written);
    // Where it joins, as the details say (the region's dealer, else the factory) ...
    await row.getByRole('button', { name: `Подробнее о заявке «${company}»` }).click();
    const joins = await page.getByTestId('application-details').getByText(/ — как (дилер|субдилер)$/).textContent();
    const [, supplier, kind] = / *(.+) — как (.+)$/.exec(joins ?? '') ?? [];
    expect(supplier && kind).toBeTruthy();

    // ... is what the confirmation names (approving from the details asks too).
    await page.getByRole('dialog').getByRole('button', { name: 'Одобрить', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Одобрить заявку «${company}»?` });
    await expect(confirm.getByTestId('approve-placement')).toHaveText(
      `Будет создана организация «${company}» — ${kind} в сети «${supplier}».`,
    );
    await expect(confirm).toContainText(`staff.${RUN}@demo.local`);
    await screenshot(page, '62-desktop-review-approve-confirm', false);
    await confirm.getByRole('button', { name: 'Отмена' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row).toContainText('На рассмотрении');

    await row.getByRole('button', { name: `Одобрить заявку «${company}»` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Одобрить и пригласить' }).click();
    await expect(page.getByText(new RegExp(`Заявка «${company}» одобрена`))).toBeVisible();
  });

  test('on a phone the queue and the details fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, STAFF_ADMIN);
    await openQueue(page, FLOOD);
    const rows = page.getByRole('table', { name: 'Заявки' }).locator('tbody tr').filter({ hasText: FLOOD });
    await expect(rows.first()).toContainText('5 заявок');
    await noSidewaysScroll(page);
    await screenshot(page, '63-phone-review-queue');
    await rows.first().getByRole('button', { name: `Подробнее о заявке «${FLOOD}»` }).click();
    await expect(page.getByRole('dialog').getByTestId('application-details')).toContainText('Демо-заявка');
    await noSidewaysScroll(page);
    await screenshot(page, '64-phone-review-details', false);
  });

  test('on a phone the longest dialog scrolls its body, with its title and buttons on the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, STAFF_ADMIN);
    await openQueue(page, FLOOD);
    // The first of the six applications: its details list the five that came after it.
    const rows = page.getByRole('table', { name: 'Заявки' }).locator('tbody tr').filter({ hasText: FLOOD });
    await rows.last().getByRole('button', { name: `Подробнее о заявке «${FLOOD}»` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Заявка З-\\d{6}: «${FLOOD}»$`) });
    await expect(dialog.locator('details li').filter({ hasText: 'подана позже' })).toHaveCount(5);
    // The title and both buttons are in view at once, nothing scrolled ...
    await expect(dialog.getByRole('heading', { level: 2 })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Отклонить', exact: true })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Одобрить', exact: true })).toBeInViewport({ ratio: 1 });
    // ... while the body, taller than the phone's screen, scrolls between them.
    const body = dialog.locator('.ui-dialog__body');
    expect(await body.evaluate((element) => [element.scrollTop, element.scrollHeight > element.clientHeight])).toEqual([0, true]);
    await screenshot(page, '90-phone-dialog', false);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(dialog.getByRole('button', { name: 'Одобрить', exact: true })).toBeInViewport({ ratio: 1 });
    await screenshot(page, '91-desktop-dialog', false);
  });
});

test.describe('audit trail', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  /**
   * Events of the dealer's admin today, made through the API as that admin: an invitation in
   * the dealer, and a new sub-dealer (whose own events are the sub-dealer's). The invited e-mail
   * and the sub-dealer's name.
   */
  async function makeEvents(page: Page): Promise<{ email: string; subDealer: string }> {
    const email = `trail.${RUN}@demo.local`;
    const subDealer = `Журнал-Субдилер ${RUN}`;
    const signedIn = await page.request.post('/graphql/', {
      data: { query: 'mutation { tokenCreate(email: "dealer1.admin@demo.local", password: "demo12345") { token } }' },
    });
    const headers = { Authorization: `Bearer ${(await signedIn.json()).data.tokenCreate.token}` };
    const invited = await page.request.post('/graphql/', {
      headers,
      data: {
        query: 'mutation Invite($email: String!) { invitationCreate(input: { email: $email }) { errors { code } } }',
        variables: { email },
      },
    });
    expect((await invited.json()).data.invitationCreate.errors).toEqual([]);
    const created = await page.request.post('/graphql/', {
      headers,
      data: {
        query: 'mutation Create($input: SubDealerCreateInput!) { subDealerCreate(input: $input) { errors { code message } } }',
        variables: {
          input: {
            name: subDealer,
            legalName: `ООО «${subDealer}»`,
            inn: companyInn(String(100_000_000 + Math.floor(Math.random() * 800_000_000))),
            adminEmail: `trail.sub.${RUN}@demo.local`,
          },
        },
      },
    });
    expect((await created.json()).data.subDealerCreate.errors).toEqual([]);
    return { email, subDealer };
  }

  test('events say whose they are and are filtered by person, action and period in the URL', async ({ page }) => {
    const { email, subDealer } = await makeEvents(page);
    await signIn(page, DEALER_ADMIN);
    await page.goto('/organization/audit');
    const table = page.getByRole('table', { name: 'События' });
    await expect(table.getByRole('columnheader', { name: 'Организация' })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Кто' }).fill('Воронин');
    await page.getByRole('combobox', { name: 'Действие' }).selectOption({ label: 'Приглашения: все действия' });
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.getByLabel('С', { exact: true }).fill(today);
    await expect(page).toHaveURL(/person=%D0%92%D0%BE%D1%80%D0%BE%D0%BD%D0%B8%D0%BD/);
    await expect(page).toHaveURL(/action=invitation/);
    await expect(page).toHaveURL(new RegExp(`since=${today}`));
    await settled(page);
    const mine = table.locator('tbody tr').filter({ hasText: email });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText('Столичный дом красок');
    await expect(mine).toContainText('Сергей Воронин');
    await expect(mine).toContainText('Отправлено приглашение');
    // Only invitations (sent, revoked, accepted) by that person.
    await expect(table.locator('tbody tr').filter({ hasNotText: /приглашени/i })).toHaveCount(0);
    await expect(table.locator('tbody tr').filter({ hasNotText: 'Сергей Воронин' })).toHaveCount(0);
    expect(await table.locator('code').count()).toBe(0);
    await screenshot(page, '65-desktop-audit-filters');

    // A link keeps the filters; a sub-dealer's events name the sub-dealer.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Действие' })).toHaveValue('invitation');
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect(page).not.toHaveURL(/action=/);
    await page.getByRole('combobox', { name: 'Действие' }).selectOption({ label: 'Отправлено приглашение' });
    await settled(page);
    const theirs = table.locator('tbody tr').filter({ hasText: `trail.sub.${RUN}@demo.local` });
    await expect(theirs.locator('td').nth(1)).toHaveText(subDealer);
  });

  test('on a phone each event is a compact card', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEALER_ADMIN);
    await page.goto('/organization/audit');
    const first = page.getByRole('table', { name: 'События' }).locator('tbody tr').first();
    await expect(first).toBeVisible();
    await settled(page);
    await noSidewaysScroll(page);
    // Time and organization share the card's first line.
    const [time, organization] = await Promise.all([first.locator('td').nth(0).boundingBox(), first.locator('td').nth(1).boundingBox()]);
    expect(Math.abs((time?.y ?? 0) - (organization?.y ?? 100))).toBeLessThan(4);
    await screenshot(page, '66-phone-audit');
  });
});
