import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../../test/render';
import { PriceListPicker, type PickedPriceList } from './PriceListPicker';
import { VariantPicker } from './VariantPicker';
import { OrganizationPicker, type PickedOrganization } from './OrganizationPicker';
import { PriceGroupPicker } from './PriceGroupPicker';

const products = {
  products: {
    edges: [
      {
        node: {
          id: 'P1',
          name: 'Дверь Модена',
          variants: [
            { id: 'V1', sku: 'DOOR-MOD-70', name: '700 мм' },
            { id: 'V2', sku: 'DOOR-MOD-80', name: '800 мм' },
          ],
        },
      },
      { node: { id: 'P2', name: 'Ручка', variants: [{ id: 'V3', sku: 'HANDLE-1', name: 'Ручка' }] } },
    ],
  },
};

describe('VariantPicker', () => {
  it("offers the found products' variants, the matching ones of a SKU search, and hands the picked one over", async () => {
    const onPick = vi.fn();
    const { api } = renderApp({ path: '/', answers: { PriceVariantSearch: products }, element: <VariantPicker label="Товар" onPick={onPick} exclude={['V2']} /> });
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Товар' });
    await user.type(box, 'mod');
    const options = await screen.findAllByRole('option');
    // V2 is excluded; of "Ручка" every variant shows (none matches "mod", the search matched the product).
    expect(options.map((o) => o.textContent)).toEqual(['DOOR-MOD-70Дверь Модена · 700 мм', 'HANDLE-1Ручка']);
    expect(api.calls.find((c) => c.operation === 'PriceVariantSearch')?.variables).toEqual({ search: 'mod' });
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith({ id: 'V1', sku: 'DOOR-MOD-70', name: '700 мм', productName: 'Дверь Модена' });
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('asks nothing for one character and says when nothing is found', async () => {
    const { api } = renderApp({
      path: '/',
      answers: { PriceVariantSearch: { products: { edges: [] } } },
      element: <VariantPicker label="Товар" onPick={() => {}} />,
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Товар' }), 'x');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.some((c) => c.operation === 'PriceVariantSearch')).toBe(false);
    await user.type(screen.getByRole('combobox', { name: 'Товар' }), 'yz');
    expect(await screen.findByText('Ничего не найдено')).toBeTruthy();
  });
});

function ListHost({ initial = null }: { initial?: PickedPriceList | null }) {
  const [value, setValue] = useState<PickedPriceList | null>(initial);
  return (
    <>
      <PriceListPicker label="Запасной прайс-лист" value={value} onChange={setValue} exclude={['L1']} error="Запасные прайс-листы ссылаются друг на друга по кругу." />
      <output data-testid="picked">{value ? value.id : 'none'}</output>
    </>
  );
}

describe('PriceListPicker', () => {
  it('finds lists by name, leaves out the excluded, picks one by click and clears it', async () => {
    const lists = {
      priceLists: {
        edges: [
          { node: { id: 'L1', name: 'Розница', currency: 'RUB' } },
          { node: { id: 'L2', name: 'Розница СПб', currency: 'RUB' } },
        ],
      },
    };
    const { api } = renderApp({ path: '/', answers: { PriceListSearch: lists }, element: <ListHost /> });
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Запасной прайс-лист' }), 'Розн');
    const option = await screen.findByRole('option', { name: /Розница СПб/ });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(api.calls.find((c) => c.operation === 'PriceListSearch')?.variables).toEqual({ search: 'Розн' });
    await user.click(option);
    expect(screen.getByTestId('picked').textContent).toBe('L2');
    expect(screen.getByText('Запасные прайс-листы ссылаются друг на друга по кругу.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Выбрать другой прайс-лист вместо «Розница СПб»' }));
    expect(screen.getByTestId('picked').textContent).toBe('none');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Запасной прайс-лист' })).toBeTruthy());
  });
});

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
