import en from '../../i18n/en.json';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StatementComparisonPartsFragment } from '../../gql/graphql';
import { me } from '../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../test/render';
import { creditStaff, rub } from './manageFixtures';

const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name);
const own = { id: 'CA1', currency: 'RUB', buyer: { id: 'O2', name: 'Столичный дом красок' }, seller: { id: 'O1', name: 'Завод «Краски»' } };
const managed = { id: 'CA7', currency: 'RUB', buyer: { id: 'O5', name: 'Подмосковный строитель' }, seller: { id: 'O2', name: 'Столичный дом красок' } };
const accounts = (mine: unknown, others: unknown[] = []) => ({ creditAccount: mine, creditAccounts: { edges: others.map((node) => ({ node })) } });

function comparison(overrides: Partial<StatementComparisonPartsFragment> = {}): StatementComparisonPartsFragment {
  return {
    id: 'SC1',
    periodStart: '2026-01-01',
    periodEnd: '2026-11-30',
    fileName: 'akt.xlsx',
    status: 'PENDING',
    agrees: null,
    error: '',
    createdAt: '2026-11-30T10:00:00Z',
    finishedAt: null,
    lines: [],
    ...overrides,
  };
}
const doneLines: StatementComparisonPartsFragment['lines'] = [
  { status: 'MATCHED', date: '2026-10-20', partnerDate: '2026-10-20', document: 'СЧ-26-00042', ours: rub('45000.00'), partners: rub('45000.00'), difference: rub('0.00') },
  { status: 'AMOUNT_DIFFERS', date: '2026-11-02', partnerDate: '2026-11-02', document: 'п/п 731', ours: rub('50000.00'), partners: rub('5000.00'), difference: rub('45000.00') },
  { status: 'MISSING_IN_LEDGER', date: null, partnerDate: '2026-11-10', document: 'п/п 800', ours: null, partners: rub('1000.00'), difference: rub('1000.00') },
];

function open(answers: Record<string, Answer>, viewer = me(1, 0), language: 'ru' | 'en' = 'ru', path = '/finance/statements') {
  return renderApp({ path, language, answers: { Me: viewer, StatementAccounts: accounts(own), ...answers } });
}

describe('/finance/statements', () => {
  it('downloads the statement for the period as PDF or xlsx, and says a period without entries', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let empty = false;
    const { api } = open({
      StatementDownloadLink: () =>
        empty
          ? { statementDownload: { url: null, errors: [{ field: null, code: 'NO_ENTRIES', message: 'none' }] } }
          : { statementDownload: { url: '/media/statements/akt.pdf?sig=1', errors: [] } },
    });
    expect(await screen.findByText('Столичный дом красок → Завод «Краски»')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-07-01' } });
    fireEvent.change(screen.getByLabelText('По'), { target: { value: '2026-09-30' } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Скачать Excel' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(calls(api.calls, 'StatementDownloadLink').at(-1)?.variables).toEqual({ account: 'CA1', from: '2026-07-01', to: '2026-09-30', format: 'XLSX' });
    empty = true;
    await user.click(screen.getByRole('button', { name: 'Скачать PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe('За этот период операций нет.');

    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-10-01' } });
    expect(screen.getByText('Начало периода должно быть не позже конца.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Скачать PDF' }) as HTMLButtonElement).disabled).toBe(true);
    clicked.mockRestore();
  });

  it('confirms the guessed columns, then polls the comparison until it is done and lists each line’s status', async () => {
    let polls = 0;
    const { api } = open(
      {
        StatementAccounts: accounts(null, [managed, { ...managed, id: 'CA8', buyer: { id: 'O6', name: 'Второй клиент' } }]),
        StatementCompareUpload: ({ variables }: ApiCall) =>
          variables['mapping']
            ? { statementCompare: { comparison: comparison(), mapping: null, errors: [] } }
            : {
                statementCompare: {
                  comparison: null,
                  mapping: [
                    { column: 'Дата', field: 'date' },
                    { column: 'Документ', field: 'document' },
                    { column: 'Сумма', field: null },
                  ],
                  errors: [{ field: 'mapping', code: 'MAPPING_REQUIRED', message: 'confirm' }],
                },
              },
        StatementComparisonPoll: () => {
          polls += 1;
          return { node: { __typename: 'StatementComparison', ...comparison(polls < 2 ? {} : { status: 'DONE', agrees: false, lines: doneLines }) } };
        },
      },
      creditStaff(),
      'ru',
      '/finance/statements?account=CA7',
    );
    expect(((await screen.findByLabelText('Счёт')) as HTMLSelectElement).value).toBe('CA7');
    const file = new File(['date;doc;sum'], 'akt.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Акт контрагента (xlsx или CSV)'), file);
    const mapping = await screen.findByTestId('statement-mapping');
    expect(within(mapping).queryByRole('alert')).toBeNull();
    await user.selectOptions(within(mapping).getByLabelText('Столбец «Сумма»'), 'Дебет');
    await user.click(within(mapping).getByRole('button', { name: 'Сравнить' }));
    expect(await screen.findByText(/Сравниваем акт «akt\.xlsx»/)).toBeTruthy();
    const upload = calls(api.calls, 'StatementCompareUpload').at(-1)!;
    expect(upload.variables).toMatchObject({
      account: 'CA7',
      mapping: [
        { column: 'Дата', field: 'date' },
        { column: 'Документ', field: 'document' },
        { column: 'Сумма', field: 'debit' },
      ],
    });
    expect(upload.files?.[0]?.name).toBe('akt.xlsx');

    const result = await screen.findByText('Акт не сходится: 2 расхождения.', {}, { timeout: 5000 });
    expect(result).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Строки сверки' });
    expect(within(table).getByText('Другая сумма')).toBeTruthy();
    expect(within(table).getByText('Нет у нас')).toBeTruthy();
    expect(within(table).getByText('Совпадает')).toBeTruthy();
    expect(screen.getByTestId('comparison-result').dataset['status']).toBe('DONE');
    expect(polls).toBe(2);
  });

  it('says agreement, a failure, a bad layout with the expected columns, and no account, in English too', async () => {
    let answer: unknown = { statementCompare: { comparison: comparison({ status: 'DONE', agrees: true, lines: doneLines.slice(0, 1) }), mapping: null, errors: [] } };
    open({ StatementCompareUpload: () => answer, StatementComparisonPoll: { node: null } }, me(1, 0), 'en');
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Partner’s statement (xlsx or CSV)');
    await user.upload(input, new File(['x'], 'akt.csv', { type: 'text/csv' }));
    expect(await screen.findByText('The statements agree: no differences.')).toBeTruthy();

    answer = { statementCompare: { comparison: comparison({ status: 'FAILED', error: 'unreadable sheet' }), mapping: null, errors: [] } };
    await user.upload(input, new File(['y'], 'akt2.csv', { type: 'text/csv' }));
    expect(await screen.findByText('The comparison failed: unreadable sheet')).toBeTruthy();

    answer = { statementCompare: { comparison: null, mapping: null, errors: [{ field: 'file', code: 'UNKNOWN_LAYOUT', message: 'Expected columns: date, document, debit, credit.' }] } };
    await user.upload(input, new File(['z'], 'akt3.csv', { type: 'text/csv' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`${en.errors.UNKNOWN_LAYOUT} Expected columns: date, document, debit, credit.`);

    document.body.innerHTML = '';
    open({ StatementAccounts: accounts(null) });
    expect(await screen.findByText('У вашей организации нет кредитного счёта, по которому можно сверить расчёты.')).toBeTruthy();
  });
});
