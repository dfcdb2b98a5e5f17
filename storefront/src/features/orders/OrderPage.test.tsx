import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { orderDetails } from './orderFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);

function open(answers: Record<string, Answer>, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/orders/OR1', language, answers: { Me: me(1, 0, { admin: true }), ...answers } });
}

const waiting = orderDetails({
  status: 'AWAITING_APPROVAL',
  approvers: [{ fullName: 'Пётр Согласов' }, { fullName: 'Анна Лимитова' }],
  approvalLimit: '10000.00',
  canApprove: true,
  onBehalf: true,
  placedBy: { fullName: 'Игорь Менеджеров' },
  placedAs: { id: 'O1', name: 'Краски России' },
  events: [
    {
      id: 'E1',
      type: 'APPROVAL_REQUESTED',
      user: { fullName: 'Игорь Менеджеров' },
      actingAs: { id: 'O1', name: 'Краски России' },
      onBehalfOf: { id: 'O2', name: 'Столичный дом красок' },
      message: 'Срочно, клиент ждёт',
      before: '{}',
      after: '{"status": "AWAITING_APPROVAL"}',
      createdAt: '2026-11-20T10:15:00+03:00',
    },
    {
      id: 'E2',
      type: 'UPDATED',
      user: null,
      actingAs: null,
      onBehalfOf: null,
      message: '',
      before: '{"paymentStatus": "UNPAID"}',
      after: '{"paymentStatus": "PAID", "grand_total_gross": "65143.91"}',
      createdAt: '2026-11-21T09:00:00+03:00',
    },
  ],
});

describe('/orders/:id', () => {
  it('shows where an order waits, who placed it for whom, lines, shipments and totals', async () => {
    open({ Order: { order: waiting } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Заказ № 26-00001' })).toBeTruthy();
    expect(screen.getByText(/Ждёт согласования: Пётр Согласов, Анна Лимитова\./)).toBeTruthy();
    expect(screen.getByText('за клиента Столичный дом красок')).toBeTruthy();
    expect(screen.getByText('Игорь Менеджеров', { selector: 'dd', exact: false })).toBeTruthy();
    const lines = screen.getByRole('region', { name: '1 позиция' });
    expect(within(lines).getByText('KR-FAS-0003-10')).toBeTruthy();
    expect(within(lines).getByText('из них под заказ 2 шт.')).toBeTruthy();
    expect(within(lines).getByText('цена от 10 шт.')).toBeTruthy();
    expect(within(lines).getByText('Акция: Осенняя распродажа')).toBeTruthy();
    const shipments = screen.getByRole('region', { name: 'Отгрузки' });
    expect(shipments.textContent).toContain('Склад «Москва-1»');
    expect(shipments.textContent).toContain('ПЭК');
    const totals = screen.getByRole('region', { name: 'Итого' });
    expect(totals.textContent).toMatch(/К оплате12\s500,00\s₽/);
  });

  it('renders the history: who, as whom, for whom, what changed before → after, the comment', async () => {
    open({ Order: { order: waiting } });
    const history = await screen.findByRole('region', { name: 'История' });
    const [first, second] = within(history).getAllByRole('listitem').filter((item) => item.classList.contains('order-history__event'));
    expect(first!.textContent).toContain('Отправлен на согласование');
    expect(first!.textContent).toContain('Игорь Менеджеров · от имени Краски России · за Столичный дом красок');
    expect(first!.textContent).toContain('Статус: — → Ждёт согласования');
    expect(within(first!).getByText('Срочно, клиент ждёт')).toBeTruthy();
    expect(second!.textContent).toContain('Система');
    expect(second!.textContent).toContain('Оплата: Не оплачен → Оплачен');
    expect(second!.textContent).toMatch(/К оплате: — → 65\s143,91\s₽/);
  });

  it('rejects only with a comment, after a confirmation naming the order', async () => {
    const { api } = open({
      Order: { order: waiting },
      OrderReject: { orderReject: { order: { id: 'OR1', status: 'REJECTED', canApprove: false, decidedBy: null, decidedAt: null, decisionComment: 'дорого' }, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отклонить' }));
    const dialog = screen.getByRole('dialog', { name: 'Отклонить заказ № 26-00001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    expect(within(dialog).getByText('Напишите, почему заказ отклонён.')).toBeTruthy();
    expect(calls(api.calls, 'OrderReject')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Причина отказа'), '  дорого ');
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    await waitFor(() => expect(calls(api.calls, 'OrderReject')).toEqual([{ id: 'OR1', comment: 'дорого' }]));
    expect(await screen.findByText('Заказ № 26-00001 отклонён.')).toBeTruthy();
  });

  it('approves without a comment; an order no longer waiting is said in the dialog', async () => {
    const { api } = open({
      Order: { order: waiting },
      OrderApprove: { orderApprove: { order: null, errors: [{ field: null, code: 'NOT_AWAITING_APPROVAL', message: 'no' }] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Согласовать' }));
    const dialog = screen.getByRole('dialog', { name: 'Согласовать заказ № 26-00001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Согласовать' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Заказ уже не ждёт согласования.');
    expect(calls(api.calls, 'OrderApprove')).toEqual([{ id: 'OR1', comment: null }]);
  });

  it('copies the order into the cart and shows what changed and what is gone', async () => {
    const { api } = open({
      Order: { order: orderDetails() },
      OrderCopyToCart: {
        orderCopyToCart: {
          cart: { id: 'CART1', lineCount: 2 },
          errors: [],
          report: [
            { row: 1, sku: 'KR-FAS-0003-10', quantityText: '12', status: 'ADDED', quantity: '12', code: null, message: null, priceBefore: '868.06', priceAfter: '900.00' },
            { row: 2, sku: 'KR-INT-0001-03', quantityText: '4', status: 'ADDED', quantity: '4', code: null, message: null, priceBefore: '100.00', priceAfter: '100.00' },
            { row: 3, sku: 'KR-OLD-0009', quantityText: '6', status: 'SKIPPED', quantity: null, code: 'NOT_ORDERABLE', message: 'gone', priceBefore: '50.00', priceAfter: null },
          ],
        },
      },
    });
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Согласовать' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Повторить в корзину' }));
    const dialog = await screen.findByRole('dialog', { name: 'Заказ скопирован в корзину' });
    expect(dialog.textContent).toContain('Добавлено 2 позиции по сегодняшним ценам.');
    expect(dialog.textContent).toMatch(/KR-FAS-0003-10 868,06\s₽ → 900,00\s₽/);
    expect(dialog.textContent).not.toContain('KR-INT-0001-03');
    expect(dialog.textContent).toContain('1 позиция больше недоступна');
    expect(dialog.textContent).toContain('KR-OLD-0009 Этот товар нельзя заказать');
    expect(within(dialog).getByRole('link', { name: 'Перейти в корзину' }).getAttribute('href')).toBe('/cart');
    expect(calls(api.calls, 'OrderCopyToCart')).toEqual([{ order: 'OR1', replace: false }]);
  });

  it('marks a sub-dealer’s order read-only for its dealer, never for staff; a first-unit tier is no hint', async () => {
    const sub = orderDetails({ buyer: { id: 'O5', name: 'Подмосковный строитель' } });
    sub.lines = [{ ...sub.lines[0]!, tierMinQuantity: '1' }];
    open({ Order: { order: sub } });
    expect(await screen.findByText('Только просмотр')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Повторить в корзину' })).toBeNull();
    expect(screen.queryByText(/цена от/)).toBeNull();

    document.body.innerHTML = '';
    renderApp({ path: '/orders/OR1', answers: { Me: me(1, 0, { admin: true, staffPermissions: ['MODERATE_ORDERS'] }), Order: { order: sub } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Заказ № 26-00001' })).toBeTruthy();
    expect(screen.queryByText('Только просмотр')).toBeNull();
  });

  it('says when the order is not there (or not visible)', async () => {
    open({ Order: { order: null } }, 'en');
    expect(await screen.findByText('Order not found')).toBeTruthy();
  });
});
