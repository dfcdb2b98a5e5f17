import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { moderatedOrder, moderation, proposal } from './workflowFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);

function open(answers: Record<string, Answer>, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/orders/OR1', language, answers: { Me: me(1, 0), ...answers } });
}

describe('/orders/:id in the seller’s moderation (issue 14)', () => {
  it('shows the state, the dialogue with the proposal before → after, and the proposal to answer', async () => {
    open({ Order: { order: moderatedOrder() } });
    const section = await screen.findByRole('region', { name: 'Согласование с продавцом' });
    expect(within(section).getByText('Ждёт ответа покупателя')).toBeTruthy();
    expect(section.textContent).toContain('Модератор: Ольга Модераторова');
    const proposals = within(section).getByRole('heading', { name: 'Предложения продавца' }).parentElement!;
    expect(proposals.textContent).toMatch(/Количество: 12\sшт\. → 10\sшт\./);
    expect(proposals.textContent).toContain('На складе только 10');
    const dialogue = within(section).getAllByRole('listitem').filter((item) => item.classList.contains('dialogue-entry'));
    expect(dialogue.map((item) => item.className)).toEqual(['dialogue-entry dialogue-entry--buyer', 'dialogue-entry dialogue-entry--seller']);
    expect(dialogue[0]!.textContent).toContain('Нужно до пятницы');
    expect(dialogue[1]!.textContent).toContain('Предложил изменение');
    expect(dialogue[1]!.textContent).toMatch(/Позиция 1 KR-FAS-0003-10 Краска фасадная 10 л/);
  });

  it('accepts a proposal with a comment, sending the order’s version, and reads the order again', async () => {
    let reads = 0;
    const { api } = open({
      Order: () => {
        reads += 1;
        return { order: reads === 1 ? moderatedOrder() : moderatedOrder({ moderation: moderation({ state: 'ON_MODERATION', version: 8, proposals: [proposal({ status: 'ACCEPTED' })] }) }) };
      },
      OrderProposalAnswer: { orderProposalAnswer: { order: null, errors: [] } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Ваш комментарий (необязательно)'), ' Согласны ');
    await user.click(screen.getByRole('button', { name: 'Принять' }));
    await waitFor(() =>
      expect(calls(api.calls, 'OrderProposalAnswer')).toEqual([{ id: 'OR1', version: 7, answers: [{ proposal: 'P1', accept: true, comment: 'Согласны' }] }]),
    );
    expect(await screen.findByText('Предложение принято.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Согласование с продавцом' }).textContent).toContain('На модерации'));
    expect(screen.queryByRole('button', { name: 'Принять' })).toBeNull();
  });

  it('says the order changed meanwhile (CONCURRENT_CHANGE) and reloads it on request', async () => {
    const { api } = open({
      Order: { order: moderatedOrder() },
      OrderProposalAnswer: { orderProposalAnswer: { order: null, errors: [{ field: 'version', code: 'CONCURRENT_CHANGE', message: 'The order was changed by Ольга at 10:02; reload it.' }] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отклонить' }));
    expect(await screen.findByText('Заказ изменился, пока вы его читали: обновите его и проверьте изменения.')).toBeTruthy();
    expect(calls(api.calls, 'OrderProposalAnswer')).toEqual([{ id: 'OR1', version: 7, answers: [{ proposal: 'P1', accept: false, comment: null }] }]);
    const before = calls(api.calls, 'Order').length;
    await user.click(screen.getByRole('button', { name: 'Обновить заказ' }));
    await waitFor(() => expect(calls(api.calls, 'Order').length).toBe(before + 1));
    expect(screen.queryByText(/Заказ изменился/)).toBeNull();
  });

  it('sends a message into the dialogue with the version; an empty one is not sent', async () => {
    const { api } = open({ Order: { order: moderatedOrder() }, OrderComment: { orderComment: { order: null, errors: [] } } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отправить' }));
    expect(screen.getByText('Напишите сообщение.')).toBeTruthy();
    await user.type(screen.getByLabelText('Сообщение'), 'Когда будет остаток?');
    await user.click(screen.getByRole('button', { name: 'Отправить' }));
    await waitFor(() => expect(calls(api.calls, 'OrderComment')).toEqual([{ id: 'OR1', version: 7, text: 'Когда будет остаток?' }]));
    expect(await screen.findByText('Сообщение отправлено.')).toBeTruthy();
  });

  it('cancels the order only with a reason while allowed; not at all once it may not', async () => {
    const { api } = open({ Order: { order: moderatedOrder() }, OrderCancel: { orderCancel: { order: null, errors: [] } } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отменить заказ' }));
    const dialog = screen.getByRole('dialog', { name: 'Отменить заказ № 26-00001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отменить заказ' }));
    expect(within(dialog).getByText('Напишите, почему заказ отменяется.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Причина отмены'), 'Передумали');
    await user.click(within(dialog).getByRole('button', { name: 'Отменить заказ' }));
    await waitFor(() => expect(calls(api.calls, 'OrderCancel')).toEqual([{ id: 'OR1', version: 7, reason: 'Передумали' }]));
    expect(await screen.findByText('Заказ № 26-00001 отменён.')).toBeTruthy();

    document.body.innerHTML = '';
    open({ Order: { order: moderatedOrder({ moderation: moderation({ state: 'CONFIRMED', canCancel: false, canAnswer: true, proposals: [] }) }) } });
    expect(await screen.findByText('Подтверждён продавцом')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Отменить заказ' })).toBeNull();
  });

  it('shows each line’s units by status with a text alternative, its promised date, and the progress', async () => {
    open({ Order: { order: moderatedOrder() } });
    const lines = await screen.findByRole('region', { name: '1 позиция' });
    const bar = within(lines).getByRole('img');
    expect(bar.getAttribute('aria-label')).toMatch(/^Единицы по статусам: В производстве: 6\sшт\., Готово: 4\sшт\., Отгружено: 2\sшт\.$/);
    const widths = [...bar.querySelectorAll<HTMLElement>('.unit-status__segment')].map((segment) => segment.style.width);
    expect(widths).toEqual(['50%', `${(4 / 12) * 100}%`, `${(2 / 12) * 100}%`]);
    expect(lines.textContent).toContain('Срок: 04.12.2026');
    const progress = screen.getByRole('region', { name: 'Выполнение' });
    expect(progress.textContent).toContain('В работе');
    expect(progress.textContent).toContain('12 из 14 строк готовы, 3 отгрузки');
  });

  it.each([
    ['ru', 1, 21, 1, '1 из 21 строки готова, 1 отгрузка'],
    ['ru', 5, 5, 5, '5 из 5 строк готовы, 5 отгрузок'],
    ['en', 1, 1, 1, '1 of 1 line ready, 1 dispatch'],
    ['en', 12, 14, 3, '12 of 14 lines ready, 3 dispatches'],
  ] as const)('writes the progress in %s with the right plurals (%i of %i, %i)', async (language, ready, count, dispatches, text) => {
    const order = moderatedOrder();
    open({ Order: { order: { ...order, progress: { ...order.progress!, linesReady: ready, lineCount: count, dispatchCount: dispatches } } } }, language);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('lists the dispatches with documents, carrier, tracking, lines and the packing list', async () => {
    open({ Order: { order: moderatedOrder() } });
    const dispatches = await screen.findByRole('region', { name: 'Отгружено' });
    expect(dispatches.textContent).toContain('О-000042');
    expect(dispatches.textContent).toContain('Документ № УПД-118');
    expect(dispatches.textContent).toContain('Перевозчик: ПЭК');
    expect(dispatches.textContent).toContain('Трек-номер: PEK123456');
    expect(dispatches.textContent).toMatch(/KR-FAS-0003-10 Краска фасадная 10 л: 2\sшт\./);
    const print = within(dispatches).getByRole('link', { name: /^Упаковочный лист/ });
    expect(print.getAttribute('href')).toBe('/orders/dispatches/DS1/packing-list/');
    expect(print.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('Не оплачен')).toBeTruthy();
  });

  it('tells a viewer who does not answer for the buyer that the buyer is asked; no answer buttons', async () => {
    open({ Order: { order: moderatedOrder({ moderation: moderation({ canAnswer: false, canCancel: false }) }) } }, 'en');
    expect(await screen.findByText("The seller proposed changes; waiting for the buyer's answer.")).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(screen.queryByLabelText('Message')).toBeNull();
  });
});
