import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me } from '../../../../test/fixtures';
import { renderApp, type Answer, type ApiCall } from '../../../../test/render';

const dealer = { id: 'O2', name: 'Столичный дом красок', kind: 'DEALER' };
const row = (id: string, name: string, memberCount: number, assignmentCount: number) => ({
  id,
  name,
  memberCount,
  assignmentCount,
  createdAt: '2026-11-20T09:00:00Z',
  owner: dealer,
});
const groups = (...rows: ReturnType<typeof row>[]) => ({ priceGroups: { totalCount: rows.length, edges: rows.map((node) => ({ node })) } });
const north = { id: 'O5', name: 'Подмосковный строитель', kind: 'SUB_DEALER', region: 'Московская область', inn: '5047000005' };
const detail = (members = [north]) => ({ node: { __typename: 'PriceGroup', ...row('G1', 'Опт Подмосковья', members.length, 1), members } });
const calls = (api: { calls: ApiCall[] }, operation: string) => api.calls.filter((c) => c.operation === operation);

function render(path: string, answers: Record<string, Answer>, language: 'ru' | 'en' = 'ru') {
  return renderApp({ path, language, showLocation: true, answers: { Me: me(1, 0, { admin: true }), ...answers } });
}

describe('the price groups', () => {
  it('lists the groups with their sizes, searches them in the URL, and says when none match', async () => {
    const { api } = render('/prices/groups', {
      PriceGroups: (call: ApiCall) => (call.variables['search'] ? groups() : groups(row('G1', 'Опт Подмосковья', 2, 1), row('G2', 'VIP', 0, 0))),
    });
    const table = await screen.findByRole('table', { name: 'Группы' });
    const cells = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(cells[1]).toMatch(/^Опт Подмосковья21Переименовать/);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Поиск по названию'), 'юг');
    expect(await screen.findByText('Нет групп по запросу «юг»')).toBeTruthy();
    expect(calls(api, 'PriceGroups').at(-1)?.variables).toMatchObject({ search: 'юг' });
    expect(screen.getByTestId('location').textContent).toBe('/prices/groups?search=%D1%8E%D0%B3');
  });

  it('offers to create the first group, and opens the new group', async () => {
    const { api } = render('/prices/groups', {
      PriceGroups: groups(),
      PriceGroupCreate: { priceGroupCreate: { priceGroup: row('G7', 'Опт Юг', 0, 0), errors: [] } },
      PriceGroupDetail: { node: { __typename: 'PriceGroup', ...row('G7', 'Опт Юг', 0, 0), members: [] } },
    });
    expect(await screen.findByText('Ценовых групп пока нет')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Создать группу' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Новая ценовая группа' });
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    expect(within(dialog).getByText('Обязательное поле')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Название'), '  Опт Юг ');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/groups/G7'));
    expect(calls(api, 'PriceGroupCreate')[0]?.variables).toEqual({ input: { name: 'Опт Юг' } });
    expect(await screen.findByText('В группе пока нет организаций.')).toBeTruthy();
  });

  it('shows a name that is taken at the name', async () => {
    render('/prices/groups', {
      PriceGroups: groups(row('G1', 'Опт Подмосковья', 2, 1)),
      PriceGroupCreate: { priceGroupCreate: { priceGroup: null, errors: [{ field: 'name', code: 'UNIQUE', message: 'taken', organizationIds: null }] } },
    });
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Создать группу' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Название'), 'Опт Подмосковья');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    expect(await within(dialog).findByText('Группа с таким названием у вас уже есть.')).toBeTruthy();
  });

  it('warns before deleting a group in use that its assignments go with it', async () => {
    const { api } = render('/prices/groups', {
      PriceGroups: groups(row('G1', 'Опт Подмосковья', 2, 3)),
      PriceGroupDelete: { priceGroupDelete: { deletedId: 'G1', errors: [] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить группу «Опт Подмосковья»' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить группу «Опт Подмосковья»?' });
    expect(within(dialog).getByText('Группа используется в 3 назначениях прайс-листов')).toBeTruthy();
    expect(within(dialog).getByText('В группе 2 организации; сами организации останутся.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Удалить вместе с назначениями' }));
    await waitFor(() => expect(calls(api, 'PriceGroupDelete')[0]?.variables).toEqual({ id: 'G1' }));
  });

  it('shows why a deletion was refused', async () => {
    render('/prices/groups', {
      PriceGroups: groups(row('G1', 'VIP', 0, 0)),
      PriceGroupDelete: { priceGroupDelete: { deletedId: null, errors: [{ field: 'id', code: 'NOT_OWNER', message: 'x', organizationIds: null }] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить группу «VIP»' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Удалить' }));
    expect(await within(dialog).findByText('Это принадлежит другой организации.')).toBeTruthy();
  });
});

describe("a group's members", () => {
  it('adds an organization found by the picker and removes a member', async () => {
    const south = { id: 'O6', name: 'ДомТорг Зеленоград', kind: 'SUB_DEALER', inn: '7735000006', region: 'Москва' };
    const { api } = render('/prices/groups/G1', {
      PriceGroupDetail: detail(),
      PriceOrganizationSearch: { organizations: { edges: [{ node: north }, { node: south }] } },
      PriceGroupUpdate: { priceGroupUpdate: { priceGroup: { ...detail().node }, errors: [] } },
    });
    const members = await screen.findByRole('list', { name: 'Участники' });
    expect(members.textContent).toContain('Подмосковный строитель');
    expect(screen.getByText('1 участник, 1 назначение')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Добавить организацию'), 'До');
    await user.click(await screen.findByRole('button', { name: 'Выбрать «ДомТорг Зеленоград»' }));
    expect(screen.queryByRole('button', { name: 'Выбрать «Подмосковный строитель»' })).toBeNull(); // already a member
    await waitFor(() => expect(calls(api, 'PriceGroupUpdate')[0]?.variables).toEqual({ id: 'G1', input: { addMembers: ['O6'] } }));
    await user.click(screen.getByRole('button', { name: 'Убрать «Подмосковный строитель» из группы' }));
    await waitFor(() => expect(calls(api, 'PriceGroupUpdate')[1]?.variables).toEqual({ id: 'G1', input: { removeMembers: ['O5'] } }));
  });

  it('names the organization the API refused because it is not below the dealer', async () => {
    const factory = { id: 'O1', name: 'Завод «Профиль»', kind: 'MANUFACTURER', inn: '7701000001', region: 'Москва' };
    render('/prices/groups/G1', {
      PriceGroupDetail: detail(),
      PriceOrganizationSearch: { organizations: { edges: [{ node: factory }] } },
      PriceGroupUpdate: {
        priceGroupUpdate: {
          priceGroup: null,
          errors: [{ field: 'addMembers', code: 'MEMBER_OUTSIDE_SUBTREE', message: 'Only organizations below yours…', organizationIds: ['O1'] }],
        },
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Добавить организацию'), 'Завод');
    await user.click(await screen.findByRole('button', { name: 'Выбрать «Завод «Профиль»»' }));
    await screen.findByText('В группу можно добавить только организации ниже вашей.');
    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes('ниже вашей'));
    expect(alert?.textContent).toContain('Организация: Завод «Профиль»');
    expect(screen.getByText('Эта организация не ниже вашей.')).toBeTruthy();
  });

  it('says when the group does not exist, in English too', async () => {
    render('/prices/groups/G404', { PriceGroupDetail: { node: null } }, 'en');
    expect(await screen.findByText('Group not found')).toBeTruthy();
  });
});
