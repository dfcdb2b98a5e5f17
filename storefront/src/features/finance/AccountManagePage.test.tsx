import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { creditStaff, managedAccount, rub } from './manageFixtures';

const lastCall = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name).map((c) => c.variables).at(-1);
const noErrors = { errors: [] as unknown[] };

const accountAnswer = (overrides = {}) => ({
  node: {
    __typename: 'CreditAccount',
    ...managedAccount(overrides),
    entries: {
      totalCount: 1,
      edges: [{ node: { id: 'LE1', kind: 'ADJUSTMENT', amount: rub('-500.00'), occurredOn: '2026-10-20', reason: 'Бой при доставке' } }],
    },
  },
});
const invoicesAnswer = {
  invoices: { edges: [{ node: { id: 'I1', number: 'СЧ-26-00042', dueOn: '2026-11-19', remaining: rub('45000.00') } }] },
};

function open(answers: Record<string, Answer>, viewer = creditStaff(), language: 'ru' | 'en' = 'ru') {
  return renderApp({
    path: '/finance/accounts/CA1',
    language,
    answers: { Me: viewer, ManagedAccount: accountAnswer(), ManagedAccountInvoices: invoicesAnswer, ...answers },
  });
}

describe('/finance/accounts/:id', () => {
  it('shows the figures and saves the terms after checking them, then says the new available credit', async () => {
    // The saved account is a newer row: the page's own query answers it too once saved, and
    // the confirmation must outlive the page taking it in (a form keyed by it lost it).
    const savedAccount = { creditLimit: rub('800000.00'), available: rub('630000.00'), updatedAt: '2026-12-01T09:00:00+03:00' };
    let saved = false;
    const { api } = open({
      ManagedAccount: () => accountAnswer(saved ? savedAccount : {}),
      ManagedAccountSet: () => {
        saved = true;
        return { creditAccountSet: { account: { __typename: 'CreditAccount', ...managedAccount(savedAccount) }, ...noErrors } };
      },
    });
    expect((await screen.findByTestId('account-available')).textContent).toMatch(/330\s000,00\s₽/);
    expect(screen.getByText(/45\s000,00\s₽ · Просрочка: 12 дней/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Столичный дом красок' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Операции по счёту' })).getByText('Бой при доставке')).toBeTruthy();

    const user = userEvent.setup();
    const limit = screen.getByLabelText('Кредитный лимит, RUB');
    fireEvent.change(limit, { target: { value: '-5' } });
    fireEvent.change(screen.getByLabelText('Отсрочка, дней'), { target: { value: '0' } });
    await user.click(screen.getByRole('button', { name: 'Сохранить условия' }));
    expect(await screen.findByText('Введите сумму не меньше нуля, до двух знаков после запятой.')).toBeTruthy();
    expect(screen.getByText('Для отсрочки укажите целое число дней от 1 до 365.')).toBeTruthy();
    expect(lastCall(api.calls, 'ManagedAccountSet')).toBeUndefined();

    fireEvent.change(limit, { target: { value: '800 000' } });
    fireEvent.change(screen.getByLabelText('Отсрочка, дней'), { target: { value: '45' } });
    await user.selectOptions(screen.getByLabelText('Заказ сверх лимита'), 'Отказать');
    await user.click(screen.getByRole('button', { name: 'Сохранить условия' }));
    expect(await screen.findByText(/Условия сохранены\. Доступно: 630\s000,00\s₽\./)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('account-available').textContent).toMatch(/630\s000,00\s₽/));
    expect(screen.getByText(/Условия сохранены\. Доступно: 630\s000,00\s₽\./)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Кредитный лимит, RUB').value).toBe('800000.00');
    expect(lastCall(api.calls, 'ManagedAccountSet')).toEqual({
      input: { buyer: 'O2', currency: 'RUB', creditLimit: '800000', terms: 'NET', netDays: 45, overLimitPolicy: 'REFUSE', invoicePolicy: 'ON_CONFIRMATION', note: '' },
    });
  });

  it('puts the API’s refusal at its field and hides net days for prepayment', async () => {
    open({ ManagedAccountSet: { creditAccountSet: { account: null, errors: [{ field: 'creditLimit', code: 'LIMIT_NEGATIVE', message: 'negative' }] } } });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Условия оплаты'), 'Предоплата');
    expect(screen.queryByLabelText('Отсрочка, дней')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Сохранить условия' }));
    expect(await screen.findByText('Кредитный лимит не может быть отрицательным.')).toBeTruthy();
  });

  it('posts an adjustment only with a reason, with the sign of its direction', async () => {
    const { api } = open({
      ManagedAccountAdjust: { creditAdjust: { account: managedAccount({ balance: rub('140000.00') }), ...noErrors } },
    });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Корректировка' })).closest('section')!;
    fireEvent.change(within(form).getByLabelText('Сумма, RUB'), { target: { value: '10000,50' } });
    await user.click(within(form).getByRole('button', { name: 'Провести корректировку' }));
    expect(await within(form).findByText('Укажите причину.')).toBeTruthy();
    expect(lastCall(api.calls, 'ManagedAccountAdjust')).toBeUndefined();
    fireEvent.change(within(form).getByLabelText('Причина'), { target: { value: 'Бой при доставке' } });
    await user.click(within(form).getByRole('button', { name: 'Провести корректировку' }));
    expect(await within(form).findByText(/Корректировка проведена\. Долг: 140\s000,00\s₽\./)).toBeTruthy();
    expect(lastCall(api.calls, 'ManagedAccountAdjust')).toEqual({ account: 'CA1', amount: '-10000.50', currency: 'RUB', reason: 'Бой при доставке', creditNote: false });
  });

  it('records a payment against a chosen invoice and says the advance', async () => {
    const { api } = open({
      ManagedPaymentRecord: {
        paymentRecord: { payment: { id: 'P1', amount: rub('50000.00'), advance: rub('5000.00') }, account: managedAccount(), ...noErrors },
      },
    });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Записать платёж' })).closest('section')!;
    await user.click(within(form).getByRole('button', { name: 'Записать платёж' }));
    expect(await within(form).findByText('Введите сумму больше нуля, до двух знаков после запятой.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Сумма, RUB'), { target: { value: '50000' } });
    fireEvent.change(within(form).getByLabelText('Дата поступления'), { target: { value: '2026-11-30' } });
    fireEvent.change(within(form).getByLabelText('Номер платёжного поручения'), { target: { value: '731' } });
    await waitFor(() => expect(within(form).getByRole('option', { name: /СЧ-26-00042 — осталось 45\s000,00\s₽/ })).toBeTruthy());
    await user.selectOptions(within(form).getByLabelText('Счёт'), 'I1');
    await user.click(within(form).getByRole('button', { name: 'Записать платёж' }));
    expect(await within(form).findByText(/Платёж на 50\s000,00\s₽ записан, из них аванс 5\s000,00\s₽\./)).toBeTruthy();
    expect(lastCall(api.calls, 'ManagedPaymentRecord')).toEqual({
      input: { account: 'CA1', amount: '50000', currency: 'RUB', receivedOn: '2026-11-30', reference: '731', invoice: 'I1', purpose: null },
    });
  });

  it('is read-only when the viewer may not manage the account, and says an unknown one in English', async () => {
    open({ ManagedAccount: accountAnswer({ canManage: false }) });
    expect(await screen.findByText('Вы можете смотреть этот счёт, но не менять его.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Сохранить условия' })).toBeNull();

    document.body.innerHTML = '';
    open({ ManagedAccount: { node: null } }, creditStaff(), 'en');
    expect(await screen.findByText('The credit account does not exist or is not yours to see.')).toBeTruthy();

    document.body.innerHTML = '';
    open({}, me(1, 0));
    expect(await screen.findByText('Нет доступа к кредитам клиентов')).toBeTruthy();
  });
});
