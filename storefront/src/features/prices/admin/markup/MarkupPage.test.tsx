import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../../../test/render';

const rule = (percent: string, rounding = 'WHOLE') => ({
  resaleMarkups: { edges: [{ node: { id: 'RM1', factor: '1.000000', percent, amount: '0.00', rounding, updatedAt: '2026-11-20T09:00:00Z' } }] },
});
const none = { resaleMarkups: { edges: [] } };
const saved = (percent: string, rounding: string) => ({
  resaleMarkupSet: { markup: rule(percent, rounding).resaleMarkups.edges[0]!.node, errors: [] },
});
const spaces = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const calls = (api: { calls: ApiCall[] }, operation: string) => api.calls.filter((c) => c.operation === operation);

function render(answers: Record<string, Answer>, { language = 'ru' as 'ru' | 'en', viewer = me(1, 0, { admin: true }) } = {}) {
  return renderApp({ path: '/prices/markup', language, answers: { Me: viewer, ...answers } });
}

describe("the dealer's markup for its sub-dealers", () => {
  it('shows the current rule, to whom it applies, and the example computed with its rounding', async () => {
    render({ ResaleMarkup: rule('25.000') });
    const current = await screen.findByTestId('markup-current');
    expect(spaces(current.textContent)).toContain('Ваша закупочная цена + 25 %, с округлением до рублей');
    expect(screen.getByText(/Действует для всех организаций ниже вас/)).toBeTruthy();
    const example = spaces(screen.getByTestId('markup-example').textContent);
    expect(example).toContain('закупка 1 000,00 ₽ → 1 250,00 ₽');
    expect(example).toContain('закупка 1 234,56 ₽ → 1 543,00 ₽');
    expect((screen.getByLabelText('Наценка') as HTMLInputElement).value).toBe('25');
  });

  it('sets a first markup: the example follows the typing, and the rule goes as typed', async () => {
    const { api } = render({ ResaleMarkup: none, ResaleMarkupSet: saved('12.500', 'CENT') });
    expect(await screen.findByText('Наценка не задана')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Наценка'), '12,5');
    expect(spaces(screen.getByTestId('markup-example').textContent)).toContain('закупка 1 234,56 ₽ → 1 388,88 ₽');
    await user.selectOptions(screen.getByLabelText('Округление'), 'WHOLE');
    expect(spaces(screen.getByTestId('markup-example').textContent)).toContain('закупка 1 234,56 ₽ → 1 389,00 ₽');
    await user.click(screen.getByRole('button', { name: 'Сохранить наценку' }));
    await waitFor(() => expect(calls(api, 'ResaleMarkupSet')).toHaveLength(1));
    expect(calls(api, 'ResaleMarkupSet')[0]?.variables).toEqual({ input: { factor: '1', amount: '0', percent: '12.5', rounding: 'WHOLE' } });
    expect(await screen.findByText('Наценка сохранена.')).toBeTruthy();
  });

  it('refuses a percentage the API would refuse before sending it, and shows the API refusal at the field', async () => {
    const refusal = { resaleMarkupSet: { markup: null, errors: [{ field: 'percent', code: 'INVALID', message: 'At most 4 digits before the decimal point.' }] } };
    const { api } = render({ ResaleMarkup: none, ResaleMarkupSet: refusal });
    const user = userEvent.setup();
    const box = await screen.findByLabelText('Наценка');
    await user.type(box, '-100');
    await user.click(screen.getByRole('button', { name: 'Сохранить наценку' }));
    expect(await screen.findByText('Наценка должна быть больше −100 %.')).toBeTruthy();
    expect(screen.getByText('Введите наценку, чтобы увидеть пример.')).toBeTruthy();
    await user.clear(box);
    await user.type(box, '10000');
    expect(screen.getByText('Слишком большая наценка: не больше 9 999,999 %.')).toBeTruthy();
    expect(calls(api, 'ResaleMarkupSet')).toHaveLength(0);
    await user.clear(box);
    await user.type(box, '9999');
    await user.click(screen.getByRole('button', { name: 'Сохранить наценку' }));
    expect(await screen.findByText('Такую наценку сохранить нельзя: больше −100 % и не больше 9 999,999 %.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('clears the markup only once confirmed', async () => {
    const { api } = render({ ResaleMarkup: rule('25.000'), ResaleMarkupClear: { resaleMarkupClear: { cleared: true, errors: [] } } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Убрать наценку' }));
    const dialog = screen.getByRole('dialog', { name: 'Убрать наценку?' });
    expect(within(dialog).getByText(/останутся у субдилеров без цены/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(api, 'ResaleMarkupClear')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Убрать наценку' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Убрать' }));
    await waitFor(() => expect(calls(api, 'ResaleMarkupClear')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when the rule cannot be loaded, and loads it again on retry', async () => {
    let first = true;
    render({
      ResaleMarkup: () => {
        if (first) {
          first = false;
          return { errors: [{ message: 'boom' }] };
        }
        return rule('25.000');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByTestId('markup-current')).toBeTruthy();
  });

  it('speaks English', async () => {
    render({ ResaleMarkup: rule('25.000', 'CENT') }, { language: 'en' });
    expect(spaces((await screen.findByTestId('markup-current')).textContent)).toContain('Your purchase price + 25%, rounded to kopecks');
    expect(spaces(screen.getByTestId('markup-example').textContent)).toContain('purchase RUB 1,000.00 → RUB 1,250.00');
  });

  it('is not offered to staff: the manufacturer buys from nobody', async () => {
    const { api } = render({}, { viewer: me(1, 0, { staffPermissions: ['MANAGE_PRICES'] }) });
    expect(await screen.findByText('Нет доступа к ценам')).toBeTruthy();
    expect(calls(api, 'ResaleMarkup')).toHaveLength(0);
  });
});
