import ru from '../../i18n/ru.json';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BankRowPartsFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';
import { renderApp, shownSearchParams, type Answer, type ApiCall } from '../../test/render';
import { creditStaff, rub } from './manageFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name);

function bankRow(n: number, overrides: Partial<BankRowPartsFragment> = {}): BankRowPartsFragment {
  return {
    id: `BR${n}`,
    position: n,
    docNumber: `73${n}`,
    docDate: '2026-11-28',
    amount: rub('12500.00'),
    payerInn: '7701234567',
    payerName: 'ООО «Столичный дом красок»',
    purpose: `Оплата по счёту без номера ${n}`,
    state: 'UNMATCHED',
    payment: null,
    ...overrides,
  };
}
const rowsAnswer = (rows: BankRowPartsFragment[], total = rows.length) => ({ bankStatementRows: { totalCount: total, edges: rows.map((node) => ({ node })) } });
const statement = { id: 'BS1', fileName: 'kl_to_1c.txt', format: '1C', createdAt: '2026-11-30T09:00:00Z', rowsTotal: 5, matched: 3, unmatched: 1, duplicates: 1 };

function open(answers: Record<string, Answer>, viewer = creditStaff(), language: 'ru' | 'en' = 'ru', path = '/finance/bank') {
  return renderApp({
    path,
    language,
    showLocation: true,
    answers: { Me: viewer, BankStatementsList: { bankStatements: { totalCount: 0, edges: [] } }, BankRowsList: rowsAnswer([bankRow(1)]), ...answers },
  });
}

describe('/finance/bank', () => {
  it('imports a statement and says the counts with plurals, or each bad row and an unknown layout', async () => {
    let answer: unknown = { bankStatementImport: { statement, errors: [] } };
    const { api } = open({ BankStatementUpload: () => answer });
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Файл выписки');
    await user.upload(input, new File(['1CClientBankExchange'], 'kl_to_1c.txt', { type: 'text/plain' }));
    const result = await screen.findByTestId('bank-result');
    expect(result.textContent).toBe('5 строксопоставлены 3не сопоставлена 11 повтор');
    expect(screen.getByText('Выписка «kl_to_1c.txt» загружена')).toBeTruthy();
    expect(calls(api.calls, 'BankStatementUpload')[0]?.files?.[0]?.name).toBe('kl_to_1c.txt');

    answer = {
      bankStatementImport: {
        statement: null,
        errors: [
          { field: 'rows.2.amount', code: 'ROW_INVALID', message: 'Row 2: the amount «abc» is not a number.' },
          { field: 'rows.4.date', code: 'ROW_INVALID', message: 'Row 4: no date.' },
        ],
      },
    };
    await user.upload(input, new File(['x'], 'bad.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByRole('alert')[0]!.textContent).toBe(`${ru.errors.ROW_INVALID} Row 2: the amount «abc» is not a number.`);
    expect(screen.queryByTestId('bank-result')).toBeNull();

    answer = { bankStatementImport: { statement: null, errors: [{ field: 'file', code: 'UNKNOWN_LAYOUT', message: 'Expected columns: number, date, amount, payer INN, purpose.' }] } };
    await user.upload(input, new File(['y'], 'odd.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(`${ru.errors.UNKNOWN_LAYOUT} Expected columns: number, date, amount, payer INN, purpose.`));
  });

  it('matches an unmatched row to a client’s account and invoice', async () => {
    const { api } = open({
      BankRowsList: rowsAnswer([bankRow(1)], 1),
      BankMatchAccounts: { creditAccounts: { edges: [{ node: { id: 'CA1', currency: 'RUB', buyer: { id: 'O2', name: 'Столичный дом красок', inn: '7701234567' } } }] } },
      ManagedAccountInvoices: { invoices: { edges: [{ node: { id: 'I1', number: 'СЧ-26-00042', dueOn: '2026-11-19', remaining: rub('45000.00') } }] } },
      BankRowMatchManual: { bankRowMatch: { row: bankRow(1, { state: 'MATCHED', payment: { id: 'P9' } }), errors: [] } },
    });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Строки выписок' });
    expect(within(table).getByText('№ 731 от 28.11.2026')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Сопоставить: 731' }));
    const dialog = await screen.findByRole('dialog', { name: 'Сопоставить платёж' });
    await user.click(within(dialog).getByRole('button', { name: 'Сопоставить' }));
    expect(within(dialog).getByText('Выберите клиента.')).toBeTruthy();
    expect(calls(api.calls, 'BankMatchAccounts')[0]?.variables).toEqual({ search: '7701234567' });
    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Столичный дом красок, ИНН 7701234567' })).toBeTruthy());
    await user.selectOptions(within(dialog).getByLabelText('Клиент'), 'CA1');
    await waitFor(() => expect(within(dialog).getByRole('option', { name: /СЧ-26-00042/ })).toBeTruthy());
    await user.selectOptions(within(dialog).getByLabelText('Счёт'), 'I1');
    await user.click(within(dialog).getByRole('button', { name: 'Сопоставить' }));
    expect(await screen.findByText('Платёж сопоставлен с клиентом Столичный дом красок.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(api.calls, 'BankRowMatchManual').at(-1)?.variables).toEqual({ row: 'BR1', account: 'CA1', invoice: 'I1' });
  });

  it('ignores a row only with a reason, says a refusal, and lists other states from the URL', async () => {
    let refuse = true;
    const { api } = open({
      BankRowIgnoreWithReason: () =>
        refuse
          ? { bankRowIgnore: { row: null, errors: [{ field: 'row', code: 'ALREADY_MATCHED', message: 'matched' }] } }
          : { bankRowIgnore: { row: bankRow(1, { state: 'IGNORED' }), errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Пропустить: 731' }));
    const dialog = await screen.findByRole('dialog', { name: 'Пропустить строку выписки' });
    await user.click(within(dialog).getByRole('button', { name: 'Пропустить' }));
    expect(within(dialog).getByText('Укажите причину.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Причина'), { target: { value: 'Возврат поставщику' } });
    await user.click(within(dialog).getByRole('button', { name: 'Пропустить' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(ru.errors.ALREADY_MATCHED);
    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Пропустить' }));
    expect(await screen.findByText('Строка пропущена.')).toBeTruthy();
    expect(calls(api.calls, 'BankRowIgnoreWithReason').at(-1)?.variables).toEqual({ row: 'BR1', reason: 'Возврат поставщику' });

    await user.selectOptions(screen.getByLabelText('Показать'), 'Сопоставленные');
    await waitFor(() => expect(calls(api.calls, 'BankRowsList').at(-1)?.variables).toMatchObject({ state: 'MATCHED' }));
    expect(shownSearchParams().get('state')).toBe('MATCHED');
  });

  it('lists imported statements in English and refuses a viewer without MANAGE_CREDIT', async () => {
    open({ BankStatementsList: { bankStatements: { totalCount: 1, edges: [{ node: statement }] } }, BankRowsList: rowsAnswer([]) }, creditStaff(), 'en');
    const table = await screen.findByRole('table', { name: 'Imported statements' });
    expect(within(table).getByText('kl_to_1c.txt')).toBeTruthy();
    expect(await screen.findByText('No rows in this state.')).toBeTruthy();

    document.body.innerHTML = '';
    open({}, me(1, 0));
    expect(await screen.findByText('Нет доступа к кредитам клиентов')).toBeTruthy();
  });
});
