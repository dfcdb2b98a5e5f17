import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../../../test/render';
import { parsePercent } from './BulkPercentButton';
import { entriesPage, resaleList } from './testData';

const oneFound = { priceListEntries: { totalCount: 1, edges: entriesPage.priceListEntries.edges.slice(2) } };

function open(path: string, answers: Record<string, Answer>) {
  return renderApp({
    path,
    answers: {
      Me: me(1, 0, { admin: true }),
      PriceListDetail: { priceList: { ...resaleList, entryCount: 1234 } },
      PriceListEntriesPage: (call: ApiCall) => (call.variables.search ? oneFound : entriesPage),
      ...answers,
    },
  });
}

const percentCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PriceListChangeByPercent').map((c) => c.variables);

describe('changing prices by a percentage', () => {
  it('reads a person’s percentages', () => {
    expect(parsePercent('+5')).toBe('5');
    expect(parsePercent('−3,5 %')).toBe('-3.5');
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });

  it('says how many prices change before it changes them, over the whole list', async () => {
    const { api } = open('/prices/lists/L1', {
      PriceListChangeByPercent: { priceListEntriesChangeByPercent: { priceList: { id: 'L1', entryCount: 1234 }, errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить цены на %' }));
    const dialog = screen.getByRole('dialog', { name: 'Изменить цены на процент' });
    await user.type(within(dialog).getByLabelText('Изменение, %'), '5');
    await user.click(within(dialog).getByRole('button', { name: 'Продолжить' }));
    expect(within(dialog).getByRole('status').textContent).toMatch(/^Изменить 1\s234 цены на 5\s%/);
    expect(percentCalls(api.calls)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: /Изменить 1\s234 цены/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(percentCalls(api.calls)).toEqual([{ priceList: 'L1', percent: '5', rounding: 'CENT', search: null }]);
    expect(screen.getByText(/1\s234 цены изменены на 5\s%/)).toBeTruthy();
  });

  it('changes only the prices the search finds, and lists the SKUs a MAP floor refuses', async () => {
    const skus = Array.from({ length: 22 }, (_, i) => `KR-FAS-${String(i).padStart(2, '0')}`);
    const { api } = open('/prices/lists/L1?q=KR-FAS', {
      PriceListChangeByPercent: {
        priceListEntriesChangeByPercent: {
          priceList: null,
          errors: [{ field: 'entries', code: 'BELOW_MAP_FLOOR', message: '22 prices would fall below the MAP floor.', skus, listIds: null }],
        },
      },
    });
    const user = userEvent.setup();
    await screen.findByTestId('entry-KR-FAS-09');
    await user.click(screen.getByRole('button', { name: 'Изменить цены на %' }));
    const dialog = screen.getByRole('dialog', { name: 'Изменить цены на процент' });
    expect((within(dialog).getByLabelText('Найденные по «KR-FAS»: 1 цена') as HTMLInputElement).checked).toBe(true);
    await user.type(within(dialog).getByLabelText('Изменение, %'), '-20');
    await user.click(within(dialog).getByRole('button', { name: 'Продолжить' }));
    expect(within(dialog).getByRole('status').textContent).toMatch(/^Изменить 1 цену на -20\s%/);
    await user.click(within(dialog).getByRole('button', { name: 'Изменить 1 цену' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('Цены ниже минимальной цены перепродажи (МРЦ).')).toBeTruthy();
    expect(within(within(alert).getByRole('list', { name: 'Артикулы' })).getAllByRole('listitem')).toHaveLength(20);
    expect(within(alert).getByText('и ещё 2 артикула')).toBeTruthy();
    expect(percentCalls(api.calls)).toEqual([{ priceList: 'L1', percent: '-20', rounding: 'CENT', search: 'KR-FAS' }]);
  });

  it('refuses a percentage that is no number', async () => {
    const { api } = open('/prices/lists/L1', {});
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить цены на %' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Изменение, %'), 'пять');
    await user.click(within(dialog).getByRole('button', { name: 'Продолжить' }));
    expect(within(dialog).getByText('Укажите число, не равное нулю.')).toBeTruthy();
    expect(percentCalls(api.calls)).toEqual([]);
  });
});

const xlsx = () => new File([new Uint8Array([80, 75, 3, 4])], 'prices.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
const uploads = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PriceListUpload');

describe('uploading a workbook', () => {
  it('checks the file first (counts of added, changed, removed), then applies it', async () => {
    const { api } = open('/prices/lists/L1', {
      PriceListUpload: (call: ApiCall) => ({
        priceListImport: call.variables.dryRun
          ? { rows: 3, applied: false, added: 1, changed: 2, removed: 5, errors: [] }
          : { rows: 3, applied: true, added: 1, changed: 2, removed: 5, errors: [] },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Загрузить из Excel' }));
    const dialog = screen.getByRole('dialog', { name: 'Загрузка цен в «Прайс для субдилеров»' });
    await user.upload(within(dialog).getByLabelText('Файл xlsx'), xlsx());
    await user.selectOptions(within(dialog).getByLabelText('Как загрузить'), 'REPLACE');
    expect(within(dialog).queryByRole('button', { name: 'Применить' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Проверить' }));
    const report = await within(dialog).findByText('Проверены 3 строки, ошибок нет');
    expect(report.closest('[role="status"]')?.textContent).toMatch(/добавится 1 цена.*изменятся 2 цены.*удалятся 5 цен/);
    expect(uploads(api.calls).map((c) => c.variables)).toEqual([{ priceList: 'L1', file: null, mode: 'REPLACE', dryRun: true }]);
    expect(uploads(api.calls)[0]?.files?.map((f) => f.name)).toEqual(['prices.xlsx']);
    await user.click(within(dialog).getByRole('button', { name: 'Применить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(uploads(api.calls).map((c) => c.variables.dryRun)).toEqual([true, false]);
    expect(screen.getByText('Загружены 3 строки')).toBeTruthy();
  });

  it('lists every bad row with its number, SKU and message, and offers no apply', async () => {
    open('/prices/lists/L1', {
      PriceListUpload: {
        priceListImport: {
          rows: 4,
          applied: false,
          added: null,
          changed: null,
          removed: null,
          errors: [
            { field: 'file', code: 'UNKNOWN_SKU', message: "No variant has the SKU 'XX-1'.", row: 3, column: 'sku', skus: ['XX-1'] },
            { field: 'file', code: 'BELOW_MAP_FLOOR', message: 'DV-OAK-700: 900 (net) is below the minimum resale price 1100.', row: 5, column: 'price', skus: ['DV-OAK-700'] },
          ],
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Загрузить из Excel' }));
    const dialog = screen.getByRole('dialog');
    await user.upload(within(dialog).getByLabelText('Файл xlsx'), xlsx());
    await user.click(within(dialog).getByRole('button', { name: 'Проверить' }));
    const errors = await within(dialog).findByRole('table', { name: 'Ошибки файла' });
    const rows = within(errors).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['3', '5']);
    expect(rows[0]?.textContent).toContain('XX-1');
    expect(rows[0]?.textContent).toContain('Товара с таким артикулом нет.');
    expect(rows[1]?.textContent).toContain('below the minimum resale price 1100');
    expect(within(dialog).getByText('В файле 2 ошибки, ничего не сохранено')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Применить' })).toBeNull();
  });

  it('downloads the list as xlsx through a signed link', async () => {
    const { api } = open('/prices/lists/L1', { PriceListExport: { priceListExport: { url: '/prices/download/x.xlsx', expiresAt: null, errors: [] } } });
    const user = userEvent.setup();
    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
    };
    try {
      await user.click(await screen.findByRole('button', { name: 'Скачать xlsx' }));
      await waitFor(() => expect(clicked).toEqual(['/prices/download/x.xlsx']));
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(api.calls.find((c) => c.operation === 'PriceListExport')?.variables).toEqual({ priceList: 'L1', language: 'ru' });
  });
});
