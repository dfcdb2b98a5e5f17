/**
 * Issue 14 on the buyer's screens against the real backend and the demo data:
 *
 * 1. The manufacturer's staff take one of the dealer's orders for review and propose a later
 *    date on a line (through the API: their console is the moderation screens' spec); the
 *    dealer's buyer opens the order, sees the proposal «before → after» and accepts it with a
 *    comment: the order is back on review, the line has its new date; staff confirm it and
 *    ship one unit (API), the buyer sees the line's bar, the progress and the dispatch; the
 *    bell counts the proposal's notification, which the list shows with a link to the order.
 * 2. The header with the bell fits 1280 px for the widest header (staff) and a phone.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEALER_BUYER, PASSWORD, screenshot, settled, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const STAFF = 'admin@demo.local';
// Unique per run: the e2e database keeps what earlier runs made.
const RUN = `${Date.now().toString(36)}`;

type Json = Record<string, any>;

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const answer = await request.post('/graphql/', {
    data: { query: 'mutation T($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }', variables: { e: email, p: PASSWORD } },
  });
  const { token } = (await answer.json()).data.tokenCreate;
  expect(token).toBeTruthy();
  return token as string;
}

async function gql(request: APIRequestContext, token: string, query: string, variables: Json = {}): Promise<Json> {
  const answer = await (await request.post('/graphql/', { headers: { Authorization: `Bearer ${token}` }, data: { query, variables } })).json();
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}

/** The dealer's buyer places a small order through the API (the checkout is checkout.spec's): a fresh one each run. */
async function placeOrder(request: APIRequestContext): Promise<string> {
  const buyer = await tokenFor(request, DEALER_BUYER);
  const { me } = await gql(request, buyer, '{ me { memberships { organization { id } } } }');
  const as = (query: string, variables: Json = {}) =>
    request
      .post('/graphql/', {
        headers: { Authorization: `Bearer ${buyer}`, 'X-Organization': me.memberships[0].organization.id },
        data: { query, variables },
      })
      .then((answer) => answer.json())
      .then((answer) => {
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        return answer.data as Json;
      });
  await as('mutation { cartClear { errors { code } } }');
  const { skuSuggestions } = await as('{ skuSuggestions(query: "KR", first: 6) { sku } }');
  const quick = 'mutation Q($text: String!) { quickOrderAdd(text: $text) { report { sku status nearestQuantity } errors { code } } }';
  const first = await as(quick, { text: skuSuggestions.slice(0, 2).map((s: Json) => `${s.sku} 1`).join('\n') });
  const retry = first.quickOrderAdd.report.filter((line: Json) => line.status === 'SKIPPED' && line.nearestQuantity);
  if (retry.length > 0) await as(quick, { text: retry.map((line: Json) => `${line.sku} ${line.nearestQuantity}`).join('\n') });
  const placed = await as('mutation P($input: OrderPlaceInput!) { orderPlace(input: $input) { order { id } errors { code message } } }', {
    input: { idempotencyKey: `order-workflow-${RUN}`, deliveryMethod: 'DELIVERY', buyerReference: `E2E-WF-${RUN}` },
  });
  expect(placed.orderPlace.errors).toEqual([]);
  return placed.orderPlace.order.id as string;
}

/** Staff take the buyer's new order for review and propose a later date on its first line. */
async function proposeLaterDate(request: APIRequestContext): Promise<{ id: string; number: string; sku: string }> {
  const id = await placeOrder(request);
  const staff = await tokenFor(request, STAFF);
  const { order } = await gql(
    request,
    staff,
    `query O($id: ID!) { order(id: $id) { id number moderation { state version } lines { id sku } } }`,
    { id },
  );
  expect(order.moderation.state).toBe('SUBMITTED');
  const started = await gql(
    request,
    staff,
    `mutation S($id: ID!, $v: Int) { orderModerationStart(id: $id, version: $v) { order { moderation { version } } errors { code message } } }`,
    { id: order.id, v: order.moderation.version },
  );
  expect(started.orderModerationStart.errors).toEqual([]);
  const proposed = await gql(
    request,
    staff,
    `mutation P($id: ID!, $v: Int, $p: [ProposalInput!]!) { orderProposalCreate(id: $id, version: $v, proposals: $p) {
      order { moderation { state } } errors { code message } } }`,
    {
      id: order.id,
      v: started.orderModerationStart.order.moderation.version,
      p: [{ line: order.lines[0].id, kind: 'DATE', date: '2027-02-15', comment: `Краска будет к середине февраля (${RUN})` }],
    },
  );
  expect(proposed.orderProposalCreate.errors).toEqual([]);
  expect(proposed.orderProposalCreate.order.moderation.state).toBe('AWAITING_BUYER');
  return { id: order.id, number: order.number, sku: order.lines[0].sku };
}

/** Staff confirm the order, make all of its first line ready and ship one unit of it with papers. */
async function confirmAndShipOne(request: APIRequestContext, id: string): Promise<void> {
  const staff = await tokenFor(request, STAFF);
  const { order } = await gql(request, staff, `query O($id: ID!) { order(id: $id) { moderation { version } lines { id quantity } } }`, { id });
  const confirmed = await gql(
    request,
    staff,
    `mutation C($id: ID!, $v: Int) { orderConfirm(id: $id, version: $v) { order { moderation { state } } errors { code message } } }`,
    { id, v: order.moderation.version },
  );
  expect(confirmed.orderConfirm.errors).toEqual([]);
  const [first, second] = order.lines;
  const move = `mutation M($id: ID!, $moves: [UnitMoveInput!]!, $dispatch: DispatchInput) {
    orderLineUnitsMove(id: $id, moves: $moves, dispatch: $dispatch) { dispatch { number } errors { code message } } }`;
  const ready = await gql(request, staff, move, {
    id,
    moves: [
      { line: first.id, from: 'PENDING', to: 'READY', quantity: first.quantity },
      { line: second.id, from: 'PENDING', to: 'IN_PRODUCTION', quantity: second.quantity },
    ],
  });
  expect(ready.orderLineUnitsMove.errors).toEqual([]);
  const shipped = await gql(request, staff, move, {
    id,
    moves: [{ line: first.id, from: 'READY', to: 'SHIPPED', quantity: '1' }],
    dispatch: { documentNumber: `УПД-${RUN}`, carrierName: 'ПЭК', trackingNumber: 'PEK-0042' },
  });
  expect(shipped.orderLineUnitsMove.errors).toEqual([]);
}

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('a dealer’s buyer is told of the seller’s proposal and accepts it on the order page', async ({ page, request }) => {
  const order = await proposeLaterDate(request);
  await page.setViewportSize(PHONE);
  await signIn(page, DEALER_BUYER);

  await page.goto(`/orders/${order.id}`);

  const moderation = page.getByRole('region', { name: 'Согласование с продавцом' });
  await expect(moderation.getByText('Ждёт ответа покупателя', { exact: true })).toBeVisible();
  const proposals = moderation.locator('.order-proposals');
  await expect(proposals).toContainText(`${order.sku}`);
  await expect(proposals).toContainText(/Срок: .+ → 15\.02\.2027/);
  await settled(page);
  await noSidewaysScroll(page, PHONE.width);
  await screenshot(page, '141-phone-order-proposal');
  await page.setViewportSize(DESKTOP);
  await screenshot(page, '142-desktop-order-proposal');

  await proposals.getByLabel('Ваш комментарий (необязательно)').fill('Подходит, ждём');
  await proposals.getByRole('button', { name: 'Принять' }).click();
  await expect(moderation.getByText('Предложение принято.')).toBeVisible();
  await expect(moderation.getByText('На модерации', { exact: true })).toBeVisible();
  await expect(moderation.locator('.dialogue-entry--buyer').filter({ hasText: 'Подходит, ждём' })).toContainText('Принял предложение');
  await expect(page.getByRole('region', { name: /позици/ }).first()).toContainText('Срок: 15.02.2027');
  await settled(page);
  await screenshot(page, '143-desktop-order-accepted');
  await page.setViewportSize(PHONE);
  await noSidewaysScroll(page, PHONE.width);
  await screenshot(page, '144-phone-order-accepted');

  // Confirmed, the first line made ready and one unit of it shipped: its bar, the progress, the dispatch.
  await confirmAndShipOne(request, order.id);
  await page.reload();
  await expect(moderation.getByText('Подтверждён продавцом', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Выполнение' })).toContainText(/1 из \d+ строк(и)? готова, 1 отгрузка/);
  const dispatch = page.getByRole('region', { name: 'Отгружено' });
  await expect(dispatch).toContainText(`Документ № УПД-${RUN}`);
  await expect(dispatch).toContainText('Трек-номер: PEK-0042');
  await expect(dispatch.getByRole('link', { name: /^Упаковочный лист/ })).toHaveAttribute('href', /packing-list/);
  const lines = page.getByRole('region', { name: /позици/ });
  await expect(lines.getByRole('img', { name: /^Единицы по статусам: .*Отгружено: 1/ }).first()).toBeVisible();
  await settled(page);
  await noSidewaysScroll(page, PHONE.width);
  await screenshot(page, '146-phone-order-dispatched');
  await page.setViewportSize(DESKTOP);
  await screenshot(page, '145-desktop-order-dispatched');
  await page.setViewportSize(PHONE);

  // The bell counts the news (the proposal's notification, still unread); it leads to the order.
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(/^Уведомления: \d+ непрочитанн/);
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Уведомления' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(order.number) }).first()).toBeVisible();
  await settled(page);
  await noSidewaysScroll(page, PHONE.width);
  await screenshot(page, '147-phone-notifications');
});

test('the header with the bell fits every desktop width for staff, and a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, STAFF);
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Уведомления' })).toBeVisible();
  await settled(page);
  const bar = page.locator('.shell__bar');
  // The tools row over the sections row (app.css): from 901 px up, every part of the bar
  // inside it, whole, none over another (an overlap was an axe contrast failure).
  for (const width of [901, 1024, 1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Финансы' })).toBeVisible();
    const overlaps = await bar.evaluate((element) => {
      const parts = [...element.querySelectorAll<HTMLElement>('.brand, .shell__nav, .shell__context, .shell__tools, .notification-bell, .cart-badge')];
      const boxes = parts.map((part) => part.getBoundingClientRect()).filter((box) => box.width > 0);
      const bar = element.getBoundingClientRect();
      const outside = boxes.some((box) => box.left < bar.left || box.right > bar.right);
      const meet = (a: DOMRect, b: DOMRect) =>
        a.right > b.left + 0.5 && b.right > a.left + 0.5 && a.bottom > b.top + 0.5 && b.bottom > a.top + 0.5;
      const over = boxes.some((box, i) => boxes.slice(i + 1).some((next) => meet(box, next)));
      // What a part holds stays inside it (a long organization name ends in «…» by design).
      const squeezed = parts
        .filter((part) => {
          const box = part.getBoundingClientRect();
          return [...part.querySelectorAll('*')].some((inner) => {
            const rect = inner.getBoundingClientRect();
            return rect.width > 0 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5);
          });
        })
        .map((part) => part.className);
      // The tools row is one line: the bell and the brand side by side.
      const bell = element.querySelector('.notification-bell')?.getBoundingClientRect();
      const brand = element.querySelector('.brand')?.getBoundingClientRect();
      const oneRow = !!bell && !!brand && bell.top < brand.bottom && brand.top < bell.bottom;
      return { outside, over, squeezed, oneRow, scroll: element.scrollWidth - element.clientWidth };
    });
    expect(overlaps, `${width} px`).toEqual({ outside: false, over: false, squeezed: [], oneRow: true, scroll: 0 });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await noSidewaysScroll(page, 1280);
  const bell = await page.getByTestId('notification-bell').boundingBox();
  expect(bell && bell.x + bell.width).toBeLessThanOrEqual(1280);
  await screenshot(page, '148-desktop-header-staff-1280');
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  await noSidewaysScroll(page, PHONE.width);
  await screenshot(page, '149-phone-notifications-staff');
});
