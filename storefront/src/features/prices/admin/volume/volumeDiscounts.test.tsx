import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { VolumeDiscountRowFragment } from '../../../../gql/graphql';
import { me } from '../../../../test/fixtures';
import { renderApp, type ApiCall } from '../../../../test/render';

const discount: VolumeDiscountRowFragment = {
  id: 'VD1',
  name: 'Крупный заказ',
  currency: 'RUB',
  starts: null,
  ends: null,
  steps: [
    { threshold: '1000000.00', percent: '5.00' },
    { threshold: '300000.00', percent: '3.00' },
  ],
  audienceOrganizations: [{ id: 'O5' }],
  audiencePriceGroups: [],
  audienceRegions: ['Москва'],
};
const listOf = (rows: VolumeDiscountRowFragment[]) => ({ volumeDiscounts: { totalCount: rows.length, edges: rows.map((node) => ({ node })) } });
const staff = me(1, 0, { staffPermissions: ['MANAGE_PRICES'] });
const calls = (all: ApiCall[], name: string) => all.filter((c) => c.operation === name);

describe('order total discounts', () => {
  it('reads each discount as its ladder, thresholds in ascending order', async () => {
    renderApp({ path: '/prices/volume-discounts', answers: { Me: staff, PriceVolumeDiscounts: listOf([discount]) } });
    const card = (await screen.findByRole('heading', { name: 'Крупный заказ' })).closest('li')!;
    expect(within(card).getByText('от 300 000 ₽ — 3 %; от 1 000 000 ₽ — 5 %')).toBeTruthy();
    expect(within(card).getByText('Без срока')).toBeTruthy();
  });

  it('says when there are none', async () => {
    renderApp({ path: '/prices/volume-discounts', answers: { Me: staff, PriceVolumeDiscounts: listOf([]) } });
    expect(await screen.findByText('Скидок от суммы пока нет')).toBeTruthy();
  });

  it('shows an error with a retry when the list fails to load', async () => {
    renderApp({ path: '/prices/volume-discounts', answers: { Me: staff, PriceVolumeDiscounts: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_ERROR' } }] } } });
    expect(await screen.findByRole('button', { name: /Повторить|Попробовать/ })).toBeTruthy();
  });

  it('creates a discount from its steps, showing the ladder as it is typed, and a refusal at the steps', async () => {
    let refuse = true;
    const { api } = renderApp({
      path: '/prices/volume-discounts',
      answers: {
        Me: staff,
        PriceVolumeDiscounts: listOf([]),
        VolumeDiscountCreate: () =>
          refuse
            ? { volumeDiscountCreate: { volumeDiscount: null, errors: [{ field: 'steps', code: 'DUPLICATE_TIER', message: 'Different thresholds.', skus: null }] } }
            : { volumeDiscountCreate: { volumeDiscount: discount, errors: [] } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Добавить скидку' }));
    await user.type(screen.getByLabelText('Название'), 'Крупный заказ');
    await user.type(screen.getByLabelText('От суммы, RUB'), '300 000');
    await user.type(screen.getByLabelText('Скидка, %'), '3');
    expect(screen.getByText('от 300 000 ₽ — 3 %')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText(/указана дважды/)).toBeTruthy();
    expect(calls(api.calls, 'VolumeDiscountCreate')[0]?.variables['input']).toEqual({
      name: 'Крупный заказ',
      currency: 'RUB',
      steps: [{ threshold: '300000', percent: '3' }],
      starts: null,
      ends: null,
      audienceOrganizations: [],
      audiencePriceGroups: [],
      audienceRegions: [],
    });
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(calls(api.calls, 'PriceVolumeDiscounts').length).toBeGreaterThan(1);
  });

  it('keeps the audience on a change and deletes only after the confirmation', async () => {
    const { api } = renderApp({
      path: '/prices/volume-discounts',
      answers: {
        Me: staff,
        PriceVolumeDiscounts: listOf([discount]),
        VolumeDiscountUpdate: { volumeDiscountUpdate: { volumeDiscount: discount, errors: [] } },
        VolumeDiscountDelete: { volumeDiscountDelete: { deletedId: 'VD1', errors: [] } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(calls(api.calls, 'VolumeDiscountUpdate')).toHaveLength(1));
    expect(calls(api.calls, 'VolumeDiscountUpdate')[0]?.variables['input']).toMatchObject({
      steps: [
        { threshold: '1000000', percent: '5' },
        { threshold: '300000', percent: '3' },
      ],
      audienceOrganizations: ['O5'],
      audienceRegions: ['Москва'],
    });

    await user.click(screen.getByRole('button', { name: 'Удалить' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить скидку?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(calls(api.calls, 'VolumeDiscountDelete')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Удалить' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(calls(api.calls, 'VolumeDiscountDelete')[0]?.variables).toEqual({ id: 'VD1' }));
  });

  it('lets staff who only look read the discounts without editing them', async () => {
    renderApp({ path: '/prices/volume-discounts', answers: { Me: me(1, 0, { staffPermissions: ['VIEW_ALL'] }), PriceVolumeDiscounts: listOf([discount]) } });
    expect(await screen.findByRole('heading', { name: 'Крупный заказ' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Изменить' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Добавить скидку' })).toBeNull();
  });
});
