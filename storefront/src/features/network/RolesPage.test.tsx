import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CustomRolesQuery } from '../../gql/graphql';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const roles: CustomRolesQuery = {
  customRoles: {
    totalCount: 1,
    edges: [{ node: { id: 'R1', name: 'Снабженец', permissions: ['PLACE_ORDERS', 'VIEW_ORDERS'], memberCount: 2, createdAt: '2026-11-01T10:00:00Z' } }],
  },
  permissions: [
    { code: 'PLACE_ORDERS', description: 'Place orders' },
    { code: 'VIEW_ORDERS', description: 'View orders' },
    { code: 'VIEW_AUDIT', description: 'See the audit trail' },
  ],
};

describe('roles screen', () => {
  it('shows permissions in words, and explains a role still in use', async () => {
    renderApp({
      path: '/organization/roles',
      answers: {
        Me: me(1, 0, { admin: true }),
        CustomRoles: roles,
        CustomRoleDelete: { customRoleDelete: { deletedId: null, errors: [{ field: 'id', code: 'ROLE_IN_USE', message: 'in use' }] } },
      },
    });
    const row = (await screen.findByText('Снабженец')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Оформление заказов');
    expect(row.textContent).toContain('Просмотр заказов');

    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Удалить роль «Снабженец»' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить роль «Снабженец»?' });
    await user.click(within(dialog).getByRole('button', { name: 'Удалить' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Эта роль назначена участникам');
  });

  it('needs a name and a permission, then sends the chosen codes', async () => {
    const { api } = renderApp({
      path: '/organization/roles',
      answers: {
        Me: me(1, 0, { admin: true }),
        CustomRoles: roles,
        CustomRoleCreate: ({ variables }: { variables: Record<string, unknown> }) => ({
          customRoleCreate: {
            role: { id: 'R2', name: (variables['input'] as { name: string }).name, permissions: ['VIEW_AUDIT'], memberCount: 0, createdAt: '2026-11-22T10:00:00Z' },
            errors: [],
          },
        }),
      },
    });
    const user = userEvent.setup();
    await screen.findByText('Снабженец');
    await user.click(screen.getAllByRole('button', { name: 'Создать роль' })[0] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'Новая роль' });
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));
    expect(await within(dialog).findByText('Обязательное поле')).toBeTruthy();
    expect(within(dialog).getByText('Выберите хотя бы одно право')).toBeTruthy();

    await user.type(within(dialog).getByLabelText('Название'), 'Аудитор');
    await user.click(within(dialog).getByLabelText(/Журнал изменений/));
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));

    await screen.findByRole('heading', { name: 'Роли' });
    expect(api.calls.find((c) => c.operation === 'CustomRoleCreate')?.variables).toEqual({
      input: { name: 'Аудитор', permissions: ['VIEW_AUDIT'] },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
