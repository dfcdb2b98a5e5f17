import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SubDealerRowFragment } from '../../gql/graphql';
import { countries, me, pagedAnswer, relayCursor } from '../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../test/render';
import { companyInn } from './inn';

const subDealer = (index: number): SubDealerRowFragment => ({
  id: `O${index + 1}`,
  name: `Субдилер ${index + 1}`,
  legalName: `ООО «Субдилер ${index + 1}»`,
  inn: String(7700000000 + index),
  kpp: '',
  region: 'Москва',
  status: 'ACTIVE',
  createdAt: '2026-11-01T10:00:00Z',
});

const answers = (total: number) => ({ Me: me(1, 0, { admin: true }), SubDealers: pagedAnswer('subDealers', total, subDealer) });
const subDealerCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'SubDealers');
const PAGER = 'Страницы списка субдилеров';

describe('sub-dealers paging', () => {
  it('asks for the next page after the last row shown, with the page in the URL', async () => {
    const { api } = renderApp({ path: '/organization/sub-dealers', answers: answers(40), showLocation: true });
    const table = await screen.findByRole('table', { name: 'Субдилеры организации' });
    expect(within(table).getByText('Субдилер 25', { selector: 'strong' })).toBeTruthy();
    expect(subDealerCalls(api.calls)[0]?.variables).toEqual({ first: 25, search: null });
    const pager = screen.getByRole('navigation', { name: PAGER });
    expect(pager.textContent).toContain('Страница 1 из 2');

    const user = userEvent.setup();
    await user.click(within(pager).getByRole('button', { name: 'Вперёд' }));
    expect(await within(table).findByText('Субдилер 40', { selector: 'strong' })).toBeTruthy();
    expect(subDealerCalls(api.calls).at(-1)?.variables).toEqual({ first: 25, after: relayCursor(24), search: null });
    expect(shownSearchParams().get('page')).toBe('2');
    expect(within(pager).getByRole('button', { name: 'Вперёд' })).toHaveProperty('disabled', true);

    await user.click(within(pager).getByRole('button', { name: 'Назад' }));
    expect(await within(table).findByText('Субдилер 1', { selector: 'strong' })).toBeTruthy();
    expect(shownSearchParams().get('page')).toBeNull();
  });

  it('starts a new search at page 1', async () => {
    const { api } = renderApp({ path: '/organization/sub-dealers?page=2', answers: answers(40), showLocation: true });
    await screen.findByText('Субдилер 26', { selector: 'strong' });

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Поиск по названию или ИНН' }), 'Тверь');
    expect(shownSearchParams().get('page')).toBeNull();
    await waitFor(() => expect(subDealerCalls(api.calls).at(-1)?.variables).toEqual({ first: 25, search: 'Тверь' }));
  });

  it('shows no pager when every sub-dealer fits on one page', async () => {
    renderApp({ path: '/organization/sub-dealers', answers: answers(25) });
    const table = await screen.findByRole('table', { name: 'Субдилеры организации' });
    expect(within(table).getByText('Субдилер 25', { selector: 'strong' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: PAGER })).toBeNull();
  });
});

describe('sub-dealer form: country and region', () => {
  const created = { subDealerCreate: { organization: { id: 'O9', name: 'Колор' }, invitation: { id: 'I1', email: 'olga@color.test' }, errors: [] } };
  const unknownRegion = { subDealerCreate: { organization: null, invitation: null, errors: [{ field: 'region', code: 'UNKNOWN_REGION', message: 'Choose one.' }] } };
  const sent = (calls: ApiCall[]) => calls.find((c) => c.operation === 'SubDealerCreate')?.variables.input as Record<string, unknown> | undefined;

  async function openForm(create: unknown) {
    const rendered = renderApp({ path: '/organization/sub-dealers', answers: { ...answers(1), Countries: countries, SubDealerCreate: create } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Добавить субдилера' }));
    await user.type(screen.getByLabelText('Название'), 'Колор');
    await user.type(screen.getByLabelText('Юридическое название'), 'ООО «Колор»');
    await user.type(screen.getByLabelText('ИНН'), companyInn('771234567'));
    await user.type(screen.getByLabelText('E-mail администратора'), 'olga@color.test');
    return { ...rendered, user };
  }

  it('chooses a Russian region from the list, as the application form does, and sends its official name', async () => {
    const { api, user } = await openForm(created);
    const region = await screen.findByRole('combobox', { name: 'Регион' });
    expect(within(region).getAllByRole('option').map((o) => o.textContent)).toEqual(['Выберите регион…', 'Москва', 'Республика Татарстан', 'Тульская область']);
    expect(screen.queryByRole('textbox', { name: /Регион/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    expect(await screen.findByText('Выберите регион из списка')).toBeTruthy();
    expect(sent(api.calls)).toBeUndefined();

    await user.selectOptions(region, 'Тульская область');
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    expect(await screen.findByText('Субдилер «Колор» добавлен; приглашение отправлено на olga@color.test.')).toBeTruthy();
    expect(sent(api.calls)).toMatchObject({ country: 'RU', region: 'Тульская область' });
  });

  it('takes a free-text region abroad and shows the server\'s UNKNOWN_REGION at the region', async () => {
    const { api, user } = await openForm(unknownRegion);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Страна' }), 'KZ');
    await user.type(screen.getByRole('textbox', { name: 'Регион' }), 'Алматы');
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    expect(await screen.findByText('Выберите регион из списка субъектов Российской Федерации.')).toBeTruthy();
    expect(sent(api.calls)).toMatchObject({ country: 'KZ', region: 'Алматы' });
    expect(screen.getByRole('textbox', { name: 'Регион' }).getAttribute('aria-invalid')).toBe('true');
  });
});
