import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../../../test/render';

const dealer = { id: 'O2', name: 'Столичный дом красок', kind: 'DEALER' };
const resale = { id: 'L1', name: 'Прайс для субдилеров', currency: 'RUB', priority: 0, validFrom: null as string | null, validUntil: null as string | null, owner: dealer };
const base = { id: 'L9', name: 'Базовый прайс', currency: 'RUB', priority: 1, validFrom: '2026-01-01', validUntil: '2026-12-31', owner: { id: 'O1', name: 'Завод', kind: 'MANUFACTURER' } };
const assignment = (id: string, target: Record<string, unknown>, priceList = resale) => ({
  id,
  region: '',
  isOwnerDefault: false,
  organization: null,
  priceGroup: null,
  priceList,
  ...target,
});
const rows = [
  assignment('A1', { isOwnerDefault: true }),
  assignment('A2', { organization: { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER' } }),
  assignment('A3', { priceGroup: { id: 'G1', name: 'Опт Подмосковья', memberCount: 2 } }),
  assignment('A4', { region: 'Москва' }, base),
];
const page = (...nodes: ReturnType<typeof assignment>[]) => ({ priceListAssignments: { totalCount: nodes.length, edges: nodes.map((node) => ({ node })) } });
const calls = (api: { calls: ApiCall[] }, operation: string) => api.calls.filter((c) => c.operation === operation);
const spaces = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

function render(answers: Record<string, Answer>, { path = '/prices/assignments', viewer = me(1, 0, { admin: true }), language = 'ru' as 'ru' | 'en' } = {}) {
  return renderApp({ path, language, showLocation: true, answers: { Me: viewer, ...answers } });
}

describe('who gets which price list', () => {
  it('lists the assignments with their targets, the list priority and validity, and says how the winner is chosen', async () => {
    render({ PriceAssignments: page(...rows) });
    const table = await screen.findByRole('table', { name: 'Назначения' });
    const lines = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell').map((cell) => [...cell.querySelectorAll('a, span span, strong')].map((e) => e.textContent).join(' / ') || cell.textContent));
    expect(lines[0]?.slice(0, 4)).toEqual(['Прайс для субдилеров / RUB', 'Все покупатели (по умолчанию)', '0', 'Всегда']);
    expect(lines[1]?.[1]).toBe('Организация / Подмосковный строитель');
    expect(lines[2]?.[1]).toBe('Ценовая группа / Опт Подмосковья / 2 участника');
    expect(lines[3]?.slice(0, 4)).toEqual(['Базовый прайс / RUB', 'Регион / Москва', '1', 'с 01.01.2026 по 31.12.2026']);
    expect(screen.getByTestId('winner-rule').textContent).toMatch(/самое точное назначение: организация, затем ценовая группа, затем регион, затем «по умолчанию»; из равных — прайс-лист с наибольшим приоритетом/);
  });

  it('filters by the list and the organization in the URL, named, and resets the filters when nothing matches', async () => {
    const { api } = render(
      {
        PriceAssignments: page(),
        PriceAssignmentFilterNames: {
          priceList: { id: 'L1', name: 'Прайс для субдилеров', currency: 'RUB' },
          organization: { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER' },
        },
      },
      { path: '/prices/assignments?list=L1&organization=O5' },
    );
    expect(await screen.findByText('Нет назначений по этим условиям')).toBeTruthy();
    expect(calls(api, 'PriceAssignments')[0]?.variables).toMatchObject({ filter: { priceList: 'L1', organization: 'O5' } });
    expect(await screen.findByText('Подмосковный строитель')).toBeTruthy();
    expect(screen.getByText('Прайс для субдилеров')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Сбросить фильтры' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/assignments'));
  });

  it('sets the organization filter with the picker', async () => {
    render({
      PriceAssignments: page(...rows),
      PriceOrganizationSearch: { organizations: { edges: [{ node: { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER', inn: '', region: '' } }] } },
      PriceAssignmentFilterNames: { organization: { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER' } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Организация'), 'Подм');
    await user.click(await screen.findByRole('button', { name: 'Выбрать «Подмосковный строитель»' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/assignments?organization=O5'));
    expect(await screen.findByText(/назначения этой организации лично/)).toBeTruthy();
  });

  it('offers to assign when there is no assignment yet, and shows a loading failure with a retry', async () => {
    let failed = false;
    render({
      PriceAssignments: () => {
        if (!failed) {
          failed = true;
          return { errors: [{ message: 'boom' }] };
        }
        return page();
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Назначений пока нет')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Назначить' }).length).toBeGreaterThan(0);
  });

  it('unassigns only once confirmed', async () => {
    const { api } = render({ PriceAssignments: page(...rows), PriceListUnassign: { priceListUnassign: { deletedId: 'A2', errors: [] } } });
    const user = userEvent.setup();
    const buttons = await screen.findAllByRole('button', { name: 'Снять назначение прайс-листа «Прайс для субдилеров»' });
    await user.click(buttons[1]!);
    const dialog = screen.getByRole('dialog', { name: 'Снять назначение?' });
    expect(spaces(dialog.textContent)).toContain('Прайс-лист «Прайс для субдилеров» перестанет действовать для: организации «Подмосковный строитель».');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(calls(api, 'PriceListUnassign')).toHaveLength(0);
    await user.click(buttons[1]!);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Снять назначение' }));
    await waitFor(() => expect(calls(api, 'PriceListUnassign')[0]?.variables).toEqual({ id: 'A2' }));
  });

  it("lets staff read every owner's assignments but change only the manufacturer's; read-only staff change none", async () => {
    render({ PriceAssignments: page(...rows) }, { viewer: me(1, 0, { staffPermissions: ['MANAGE_PRICES'] }) });
    const table = await screen.findByRole('table');
    expect(spaces(within(table).getAllByRole('row')[1]?.textContent)).toContain('RUB · Столичный дом красок');
    expect(within(table).getAllByRole('button', { name: /Снять назначение/ })).toHaveLength(1);
  });

  it('shows nothing to change to staff who only view', async () => {
    render({ PriceAssignments: page(...rows) }, { viewer: me(1, 0, { staffPermissions: ['VIEW_ALL'] }) });
    const table = await screen.findByRole('table');
    expect(within(table).queryAllByRole('button', { name: /Снять назначение/ })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Назначить' })).toBeNull();
  });
});

const listSearch = { priceLists: { edges: [{ node: { id: 'L1', name: 'Прайс для субдилеров', currency: 'RUB' } }] } };
const listInfo = { priceList: { id: 'L1', priority: 3, validFrom: null, validUntil: null, owner: dealer } };
const refused = (errors: Array<Record<string, unknown>>) => ({
  priceListAssign: { assignment: null, errors: errors.map((e) => ({ field: null, message: 'x', organizationIds: null, priceGroupIds: null, listIds: null, ...e })) },
});

async function openAndPickList(user: ReturnType<typeof userEvent.setup>) {
  await user.click((await screen.findAllByRole('button', { name: 'Назначить' }))[0]!);
  const dialog = screen.getByRole('dialog', { name: 'Назначить прайс-лист' });
  await user.type(within(dialog).getByRole('combobox', { name: 'Прайс-лист' }), 'Прайс');
  await user.click(await within(dialog).findByRole('option', { name: /Прайс для субдилеров/ }));
  return dialog;
}

describe('the assign dialog', () => {
  it('assigns a list to a price group, showing the list priority', async () => {
    const { api } = render({
      PriceAssignments: page(...rows),
      PriceListSearch: listSearch,
      PriceAssignmentListInfo: listInfo,
      PriceGroupOptions: { priceGroups: { totalCount: 1, edges: [{ node: { id: 'G1', name: 'Опт Подмосковья' } }] } },
      PriceListAssign: { priceListAssign: { assignment: rows[2], errors: [] } },
    });
    const user = userEvent.setup();
    const dialog = await openAndPickList(user);
    expect(spaces((await within(dialog).findByTestId('assign-list-info')).textContent)).toBe(
      'Приоритет прайс-листа: 3 (меняется в настройках прайс-листа). Действует без ограничения по датам.',
    );
    await user.click(within(dialog).getByLabelText('Ценовая группа'));
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    expect(within(dialog).getByText('Выберите ценовую группу.')).toBeTruthy();
    const select = within(dialog).getByRole('combobox', { name: 'Ценовая группа' });
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(select, 'G1');
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    await waitFor(() => expect(calls(api, 'PriceListAssign')[0]?.variables).toEqual({ priceList: 'L1', input: { priceGroup: 'G1' } }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('names the organization outside the dealer subtree the API refused', async () => {
    render({
      PriceAssignments: page(...rows),
      PriceListSearch: listSearch,
      PriceAssignmentListInfo: listInfo,
      PriceOrganizationSearch: { organizations: { edges: [{ node: { id: 'O1', name: 'Завод «Профиль»', kind: 'MANUFACTURER', inn: '', region: '' } }] } },
      PriceListAssign: refused([{ field: 'organization', code: 'ASSIGNMENT_OUTSIDE_SUBTREE', organizationIds: ['O1'] }]),
    });
    const user = userEvent.setup();
    const dialog = await openAndPickList(user);
    await user.type(within(dialog).getByLabelText('Найдите организацию'), 'Завод');
    await user.click(await within(dialog).findByRole('button', { name: 'Выбрать «Завод «Профиль»»' }));
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Назначать прайс-лист можно только организациям ниже вашей.');
    expect(alert.textContent).toContain('Организация: Завод «Профиль»');
    expect(within(dialog).getByText('Этому получателю назначить нельзя.')).toBeTruthy();
  });

  it('says when the list is already assigned there, or belongs to another owner', async () => {
    let answer = refused([{ field: 'target', code: 'UNIQUE' }]);
    render({
      PriceAssignments: page(...rows),
      PriceListSearch: listSearch,
      PriceAssignmentListInfo: listInfo,
      PriceListAssign: () => answer,
    });
    const user = userEvent.setup();
    const dialog = await openAndPickList(user);
    await user.click(within(dialog).getByLabelText('Все покупатели (по умолчанию)'));
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    expect(await within(dialog).findByText('Этот прайс-лист уже назначен этому получателю.')).toBeTruthy();
    answer = refused([{ field: 'id', code: 'NOT_OWNER' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    expect(await within(dialog).findByText('Назначать можно только свои прайс-листы: этот принадлежит другой организации.')).toBeTruthy();
    expect(within(dialog).getByText('Этот прайс-лист назначить нельзя.')).toBeTruthy();
  });

  it('asks for a list and a region before sending, and sends the region chosen', async () => {
    const { api } = render({
      PriceAssignments: page(...rows),
      PriceListSearch: listSearch,
      PriceAssignmentListInfo: listInfo,
      PriceAssignmentRegions: { countries: [{ code: 'RU', regions: [{ name: 'Москва', nameEn: 'Moscow' }] }] },
      PriceListAssign: { priceListAssign: { assignment: rows[3], errors: [] } },
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole('button', { name: 'Назначить' }))[0]!);
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByLabelText('Регион'));
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    expect(within(dialog).getByText('Выберите прайс-лист.')).toBeTruthy();
    expect(within(dialog).getByText('Выберите регион.')).toBeTruthy();
    expect(calls(api, 'PriceListAssign')).toHaveLength(0);
    await user.type(within(dialog).getByRole('combobox', { name: 'Прайс-лист' }), 'Прайс');
    await user.click(await within(dialog).findByRole('option', { name: /Прайс для субдилеров/ }));
    const select = within(dialog).getByRole('combobox', { name: 'Регион' });
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(select, 'Москва');
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));
    await waitFor(() => expect(calls(api, 'PriceListAssign')[0]?.variables).toEqual({ priceList: 'L1', input: { region: 'Москва' } }));
  });
});
