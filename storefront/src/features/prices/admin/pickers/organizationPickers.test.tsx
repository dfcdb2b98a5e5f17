import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../../test/render';
import { OrganizationPicker, type PickedOrganization } from './OrganizationPicker';
import { PriceGroupPicker } from './PriceGroupPicker';

const organizations = {
  organizations: {
    edges: [
      { node: { id: 'O3', name: 'Субдилер Юг', kind: 'SUB_DEALER', inn: '7700000003', region: 'Краснодарский край' } },
      { node: { id: 'O4', name: 'Субдилер Север', kind: 'SUB_DEALER', inn: '7700000004', region: '' } },
    ],
  },
};

describe('the organization picker', () => {
  it('searches from two characters, offers the matches not excluded, and clears after a pick', async () => {
    const picked: PickedOrganization[] = [];
    const { api } = renderApp({
      path: '/',
      answers: { PriceOrganizationSearch: organizations },
      element: <OrganizationPicker label="Организация" onPick={(o) => picked.push(o)} exclude={['O4']} />,
    });
    const user = userEvent.setup();
    const box = screen.getByLabelText('Организация');
    await user.type(box, 'С');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.some((c) => c.operation === 'PriceOrganizationSearch')).toBe(false);
    await user.type(box, 'уб');
    const option = await screen.findByRole('button', { name: 'Выбрать «Субдилер Юг»' });
    expect(option.textContent).toContain('субдилер · Краснодарский край · ИНН 7700000003');
    expect(screen.queryByRole('button', { name: 'Выбрать «Субдилер Север»' })).toBeNull();
    expect(api.calls.find((c) => c.operation === 'PriceOrganizationSearch')?.variables).toEqual({ search: 'Суб' });
    await user.click(option);
    expect(picked).toEqual([{ id: 'O3', name: 'Субдилер Юг', kind: 'SUB_DEALER' }]);
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('list', { name: 'Найденные организации' })).toBeNull();
  });

  it('says when nothing matches, and shows an error at the field', async () => {
    renderApp({
      path: '/',
      language: 'en',
      answers: { PriceOrganizationSearch: { organizations: { edges: [] } } },
      element: <OrganizationPicker label="Organization" onPick={vi.fn()} error="Choose an organization" />,
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Organization'), 'Zeta');
    expect(await screen.findByText('No organizations match “Zeta”')).toBeTruthy();
    expect(screen.getByText('Choose an organization')).toBeTruthy();
  });

  it('says so when the search fails', async () => {
    renderApp({
      path: '/',
      answers: { PriceOrganizationSearch: { errors: [{ message: 'boom' }] } },
      element: <OrganizationPicker label="Организация" onPick={vi.fn()} />,
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Организация'), 'Юг');
    expect(await screen.findByText('Не удалось найти организации. Попробуйте ещё раз.')).toBeTruthy();
  });
});

function GroupsHost({ initial }: { initial: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PriceGroupPicker label="Ценовые группы" value={value} onChange={setValue} />
      <output data-testid="chosen">{value.join(',')}</output>
    </>
  );
}

describe('the price group picker', () => {
  it('checks and unchecks the groups the viewer sees', async () => {
    renderApp({
      path: '/',
      answers: {
        PriceGroupOptions: {
          priceGroups: { totalCount: 2, edges: [{ node: { id: 'G1', name: 'Опт Юг' } }, { node: { id: 'G2', name: 'VIP' } }] },
        },
      },
      element: <GroupsHost initial={['G2']} />,
    });
    const user = userEvent.setup();
    const south = await screen.findByLabelText('Опт Юг');
    expect((screen.getByLabelText('VIP') as HTMLInputElement).checked).toBe(true);
    await user.click(south);
    expect(screen.getByTestId('chosen').textContent).toBe('G2,G1');
    await user.click(screen.getByLabelText('VIP'));
    expect(screen.getByTestId('chosen').textContent).toBe('G1');
  });

  it('says when there are no groups, and shows its error', async () => {
    renderApp({
      path: '/',
      language: 'en',
      answers: { PriceGroupOptions: { priceGroups: { totalCount: 0, edges: [] } } },
      element: <PriceGroupPicker label="Price groups" value={[]} onChange={vi.fn()} error="Choose a group" />,
    });
    expect(await screen.findByText('No price groups yet.')).toBeTruthy();
    expect(screen.getByText('Choose a group')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('group', { name: 'Price groups' })).toBeTruthy());
  });
});
