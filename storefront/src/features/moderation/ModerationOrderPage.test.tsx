import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ModerationOrderFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { line, moderationOrder, units } from './moderationFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables);
const staff = () => me(1, 0, { staffPermissions: ['MODERATE_ORDERS'] });

function open(answers: Record<string, Answer>, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/moderation/OR1', language, answers: { Me: staff(), ...answers } });
}

/** Types by pasting: the text as a person would enter it, without a keystroke per letter under load. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const answered = (order: ModerationOrderFragment) => ({ order, errors: [] });
const stale = { order: null, errors: [{ field: 'version', code: 'CONCURRENT_CHANGE', message: 'Changed by Анна at 12:00.' }] };

describe('/moderation/:id', () => {
  it('starts moderation of a submitted order, sending the version it read', async () => {
    const submitted = moderationOrder({ state: 'SUBMITTED', version: 2, moderator: null });
    const { api } = open({ ModerationOrder: { order: submitted }, ModerationStart: { orderModerationStart: answered(moderationOrder()) } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Заказ № 26-00001' })).toBeTruthy();
    expect(screen.getByText('Ждёт модерации')).toBeTruthy();
    expect(screen.getByText('Не назначен')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Предложить изменения' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Взять на модерацию' }));
    await waitFor(() => expect(calls(api.calls, 'ModerationStart')).toEqual([{ id: 'OR1', version: 2 }]));
    expect(await screen.findByText('Заказ № 26-00001 взят на модерацию.')).toBeTruthy();
  });

  it('sends the per-line proposals together, each with its comment, and checks them first', async () => {
    const { api } = open({ ModerationOrder: { order: moderationOrder() }, ModerationPropose: { orderProposalCreate: answered(moderationOrder({ state: 'AWAITING_BUYER' })) } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Предложить изменения' }));
    const dialog = screen.getByRole('dialog', { name: 'Предложить изменения по заказу № 26-00001' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Изменение для KR-FAS-0001-10' }), 'Количество');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Изменение для KR-FAS-0002-10' }), 'Убрать позицию');
    await fill(user, within(dialog).getByLabelText('Новое количество KR-FAS-0001-10'), '0');
    await user.click(within(dialog).getByRole('button', { name: 'Отправить 2 предложения' }));
    expect(within(dialog).getByText('Введите число больше нуля.')).toBeTruthy();
    expect(calls(api.calls, 'ModerationPropose')).toHaveLength(0);
    await user.clear(within(dialog).getByLabelText('Новое количество KR-FAS-0001-10'));
    await fill(user, within(dialog).getByLabelText('Новое количество KR-FAS-0001-10'), '4');
    await fill(user, within(dialog).getByLabelText('Комментарий к KR-FAS-0001-10'), 'Есть только 4');
    await fill(user, within(dialog).getByLabelText('Комментарий к KR-FAS-0002-10'), 'Снят с производства');
    await user.click(within(dialog).getByRole('button', { name: 'Отправить 2 предложения' }));
    await waitFor(() =>
      expect(calls(api.calls, 'ModerationPropose')).toEqual([
        {
          id: 'OR1',
          version: 7,
          comment: null,
          proposals: [
            { line: 'L1', kind: 'QUANTITY', quantity: '4', comment: 'Есть только 4' },
            { line: 'L2', kind: 'REMOVE', comment: 'Снят с производства' },
          ],
        },
      ]),
    );
    expect(await screen.findByText('Предложения отправлены покупателю.')).toBeTruthy();
  });

  it('says clearly when someone else changed the order, and reloads it', async () => {
    let reads = 0;
    const { api } = open({
      ModerationOrder: () => ({ order: moderationOrder({ version: 7 + reads++ }) }),
      ModerationConfirm: { orderConfirm: stale },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Подтвердить' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Подтвердить' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Заказ изменил кто-то другой');
    expect(alert.textContent).toContain('обновите страницу');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Обновить' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(calls(api.calls, 'ModerationOrder').length).toBeGreaterThanOrEqual(2);
    expect(calls(api.calls, 'ModerationConfirm')).toEqual([{ id: 'OR1', version: 7, comment: null }]);
  });

  it('moves units in bulk and ships them with a dispatch document, offering its packing list', async () => {
    const confirmed = moderationOrder(
      { state: 'CONFIRMED' },
      {
        lines: [
          line(1, { units: units({ pending: '1', ready: '4' }), allowedMoves: [{ from: 'PENDING', to: 'READY', max: '1' }, { from: 'READY', to: 'SHIPPED', max: '4' }] }),
          line(2, { units: units({ ready: '5' }), allowedMoves: [{ from: 'READY', to: 'SHIPPED', max: '5' }] }),
        ],
      },
    );
    const dispatch = { id: 'D1', number: 'О-000042', packingListUrl: '/orders/dispatches/D1/packing-list/' };
    const { api } = open({
      ModerationOrder: { order: confirmed },
      ModerationUnitsMove: { orderLineUnitsMove: { order: confirmed, dispatch, errors: [] } },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('list', { name: 'Единицы KR-FAS-0001-10 по статусам' })).toBeTruthy();
    expect(screen.getByText('Готово: 4 шт.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Статусы единиц' }));
    const dialog = screen.getByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Откуда → куда' }), 'Готово → Отгружено');
    await user.click(within(dialog).getByRole('checkbox', { name: /KR-FAS-0001-10/ }));
    expect((within(dialog).getByLabelText('Сколько единиц KR-FAS-0001-10') as HTMLInputElement).value).toBe('4');
    await user.click(within(dialog).getByRole('checkbox', { name: /KR-FAS-0002-10/ }));
    await user.clear(within(dialog).getByLabelText('Сколько единиц KR-FAS-0002-10'));
    await user.type(within(dialog).getByLabelText('Сколько единиц KR-FAS-0002-10'), '6');
    await user.type(within(dialog).getByLabelText('Номер документа'), 'ТН-77');
    await user.type(within(dialog).getByLabelText('Перевозчик'), 'ПЭК');
    await user.click(within(dialog).getByRole('button', { name: 'Отгрузить' }));
    expect(within(dialog).getByText('Не больше 5 шт. и больше нуля.')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Сколько единиц KR-FAS-0002-10'));
    await user.type(within(dialog).getByLabelText('Сколько единиц KR-FAS-0002-10'), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Отгрузить' }));
    await waitFor(() =>
      expect(calls(api.calls, 'ModerationUnitsMove')).toEqual([
        {
          id: 'OR1',
          moves: [
            { line: 'L1', from: 'READY', to: 'SHIPPED', quantity: '4' },
            { line: 'L2', from: 'READY', to: 'SHIPPED', quantity: '2' },
          ],
          dispatch: { documentNumber: 'ТН-77', carrierName: 'ПЭК', trackingNumber: null },
        },
      ]),
    );
    expect(await screen.findByText(/Создана отгрузка О-000042\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Печать упаковочного листа О-000042' }).getAttribute('href')).toBe('/orders/dispatches/D1/packing-list/');
  });

  it('rejects only with a reason, through orderReject', async () => {
    const { api } = open({
      ModerationOrder: { order: moderationOrder() },
      ModerationReject: { orderReject: { order: null, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отклонить' }));
    const dialog = screen.getByRole('dialog', { name: 'Отклонить заказ № 26-00001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    expect(within(dialog).getByText('Напишите причину.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Причина'), 'Нет в производстве');
    await user.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    await waitFor(() => expect(calls(api.calls, 'ModerationReject')).toEqual([{ id: 'OR1', comment: 'Нет в производстве' }]));
  });

  it('shows the dialogue read-only and no actions to a viewer who does not moderate this order', async () => {
    const proposal = {
      id: 'P1', kind: 'QUANTITY' as const, status: 'ACCEPTED' as const, quantity: '4', unitNet: null, date: null, substituteSku: '', substituteName: '',
      comment: 'Есть только 4', beforeQuantity: '5', beforeUnitNet: '1000.00', beforeDate: null, beforeSku: 'KR-FAS-0001-10',
      proposedBy: { fullName: 'Пётр' }, proposedAt: '2026-11-20T12:00:00+03:00', answeredBy: { fullName: 'Юлия' }, answeredAt: '2026-11-20T13:00:00+03:00',
      answerComment: '', line: { id: 'L1', sku: 'KR-FAS-0001-10', name: 'Краска', unit: 'PCS' as const },
    };
    open(
      {
        ModerationOrder: {
          order: moderationOrder({
            canModerate: false,
            canCancel: false,
            dialogue: [
              { id: 'D1', kind: 'PROPOSAL', side: 'SELLER', author: { fullName: 'Пётр' }, text: 'Есть только 4', state: null, createdAt: '2026-11-20T12:00:00+03:00', proposal },
              { id: 'D2', kind: 'STATE', side: 'BUYER', author: { fullName: 'Юлия' }, text: '', state: 'ON_MODERATION', createdAt: '2026-11-20T13:00:00+03:00', proposal: null },
            ],
          }),
        },
      },
      'en',
    );
    const dialogue = await screen.findByRole('region', { name: 'Dialogue' });
    expect(dialogue.textContent).toContain('Proposal: KR-FAS-0001-10 Quantity: 5 pcs → 4 pcs · accepted');
    expect(dialogue.textContent).toContain('State: On moderation');
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
  });
});
