import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { countries } from '../../test/fixtures';
import { renderApp, type ApiCall } from '../../test/render';
import { companyInn } from './inn';

const accepted = { partnerApplicationSubmit: { receipt: { id: 'A1', status: 'SUBMITTED', createdAt: '2026-11-30T10:00:00Z', message: '' }, errors: [] } };

function open(submit: unknown = accepted, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path: '/apply', signedIn: false, language, answers: { Countries: countries, PartnerApplicationSubmit: submit } });
}

async function fillCompany(user: ReturnType<typeof userEvent.setup>, inn: string) {
  await user.type(await screen.findByLabelText('Название'), 'Колор');
  await user.type(screen.getByLabelText('Юридическое название'), 'ООО «Колор»');
  await user.type(screen.getByLabelText('ИНН'), inn);
  await user.type(screen.getByLabelText('Имя'), 'Ольга');
  await user.type(screen.getByLabelText('E-mail'), 'olga@color.test');
}

const submitted = (calls: ApiCall[]) => calls.find((c) => c.operation === 'PartnerApplicationSubmit')?.variables.input as Record<string, unknown> | undefined;

describe('partner application: country and region', () => {
  it('offers countries and, for Russia, its regions by name; sends the ISO code and the region', async () => {
    const { api } = open();
    const user = userEvent.setup();
    const country = await screen.findByRole('combobox', { name: 'Страна' });
    await within(country).findByRole('option', { name: 'Беларусь' }); // the API's list has come
    expect(within(country).getAllByRole('option').map((o) => o.textContent)).toEqual(['Россия', 'Беларусь', 'Казахстан', 'Другая страна']);
    expect((country as HTMLSelectElement).value).toBe('RU');
    const region = await screen.findByRole('combobox', { name: 'Регион' });
    expect(within(region).getAllByRole('option').map((o) => o.textContent)).toEqual(['Выберите регион…', 'Москва', 'Республика Татарстан', 'Тульская область']);

    await fillCompany(user, companyInn('771800455'));
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));
    expect(region.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Выберите регион из списка')).toBeTruthy();
    expect(submitted(api.calls)).toBeUndefined();

    await user.selectOptions(region, 'Тульская область');
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));
    expect(await screen.findByTestId('application-receipt')).toBeTruthy();
    expect(submitted(api.calls)).toMatchObject({ country: 'RU', region: 'Тульская область' });
  });

  it('lists regions in English for the English interface, keeping the official name as the value', async () => {
    open(accepted, 'en');
    const region = await screen.findByRole('combobox', { name: 'Region' });
    const options = within(region).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => o.textContent)).toEqual(['Choose a region…', 'Moscow', 'Republic of Tatarstan', 'Tula Oblast']);
    expect(options[1]?.value).toBe('Москва');
  });

  it('takes a free-text region in another country, and any ISO code as «another country»', async () => {
    const { api } = open();
    const user = userEvent.setup();
    const country = await screen.findByRole('combobox', { name: 'Страна' });
    await within(country).findByRole('option', { name: 'Казахстан' });
    await user.selectOptions(country, 'KZ');
    expect(screen.queryByRole('combobox', { name: 'Регион' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Регион' }), 'Алматы');

    await user.selectOptions(country, 'OTHER');
    const code = screen.getByRole('textbox', { name: 'Код страны' });
    await fillCompany(user, companyInn('771800455'));
    await user.type(screen.getByRole('textbox', { name: 'Регион' }), 'Bayern');
    await user.type(code, 'd');
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));
    expect(await screen.findByText('Две латинские буквы, например DE')).toBeTruthy();

    await user.type(code, 'e');
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));
    expect(await screen.findByTestId('application-receipt')).toBeTruthy();
    expect(submitted(api.calls)).toMatchObject({ country: 'DE', region: 'Bayern' });
  });
});

describe('partner application: INN', () => {
  const innMessages = () => {
    const field = screen.getByLabelText('ИНН').closest('.ui-field') as HTMLElement;
    return [...field.querySelectorAll('.ui-field__hint, .ui-field__error')].map((p) => p.textContent);
  };

  it('says once that a wrong INN is wrong, before sending', async () => {
    const { api } = open();
    const user = userEvent.setup();
    await fillCompany(user, '7718004550'); // a check digit off
    expect(innMessages()).toEqual(['Контрольные цифры не сходятся — проверьте ИНН']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Регион' }), 'Москва');
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));

    expect(screen.getByLabelText('ИНН').getAttribute('aria-invalid')).toBe('true');
    expect(innMessages()).toEqual(['Контрольные цифры не сходятся — проверьте ИНН']);
    expect(submitted(api.calls)).toBeUndefined();
  });

  it('shows the server\'s INN error alone, without the hint beside it', async () => {
    open({ partnerApplicationSubmit: { receipt: null, errors: [{ field: 'inn', code: 'INVALID_INN', message: 'INN checksum' }] } });
    const user = userEvent.setup();
    await fillCompany(user, companyInn('771800455'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Регион' }), 'Москва');
    await user.click(screen.getByRole('button', { name: 'Отправить заявку' }));

    expect(await screen.findByText(/ИНН неверен/)).toBeTruthy();
    expect(innMessages()).toEqual(['ИНН неверен: нужно 10 цифр (организация) или 12 (ИП) с верными контрольными цифрами.']);
  });
});
