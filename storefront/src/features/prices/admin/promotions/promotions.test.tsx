import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PromotionRowFragment } from '../../../../gql/graphql';
import { countries, me, pagedAnswer } from '../../../../test/fixtures';
import { renderApp, shownSearchParams, type ApiCall } from '../../../../test/render';

const promotion = (index: number, overrides: Partial<PromotionRowFragment> = {}): PromotionRowFragment => ({
  id: `PR${index + 1}`,
  name: `Акция ${index + 1}`,
  kind: 'PERCENT',
  value: '10.00',
  currency: null,
  starts: '2026-11-23',
  ends: '2026-12-06',
  stacking: 'BEST_PRICE_WINS',
  status: 'RUNNING',
  audienceOrganizations: [],
  audiencePriceGroups: [],
  audienceRegions: [],
  ...overrides,
});

const dealerAdmin = me(1, 0, { admin: true });
const options = {
  Countries: countries,
  PriceGroupOptions: { priceGroups: { edges: [{ node: { id: 'G1', name: 'Оптовики' } }] } },
  PriceCategoryOptions: {
    categories: {
      edges: [
        { node: { id: 'C1', name: 'Краски', level: 0, parent: null } },
        { node: { id: 'C2', name: 'Фасадные краски', level: 1, parent: { id: 'C1' } } },
      ],
    },
  },
};
const promotionCalls = (calls: ApiCall[]) => calls.filter((c) => c.operation === 'PricePromotions');

describe('the promotions list', () => {
  it('shows each promotion with its discount, period, audience, stacking and status, filtered by the status in the URL', async () => {
    const rows = [
      promotion(0, { audienceRegions: ['Москва'], audienceOrganizations: [{ id: 'O5', name: 'Альфа' }] }),
      promotion(1, { kind: 'FIXED', value: '150.00', currency: 'RUB', stacking: 'STACKS', status: 'FUTURE' }),
    ];
    const { api } = renderApp({
      path: '/prices/promotions?status=RUNNING',
      answers: { Me: dealerAdmin, PricePromotions: pagedAnswer('promotions', 2, (i) => rows[i]) },
      showLocation: true,
    });
    const table = await screen.findByRole('table', { name: 'Акции' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first!).getByText('−10 %')).toBeTruthy();
    expect(within(first!).getByText('Альфа, Москва')).toBeTruthy();
    expect(within(first!).getByText('Лучшая цена побеждает')).toBeTruthy();
    expect(within(first!).getByText('Идут')).toBeTruthy();
    expect(within(second!).getByText('−150,00 ₽')).toBeTruthy();
    expect(within(second!).getByText('Все покупатели')).toBeTruthy();
    expect(within(second!).getByText('Суммируется с другими акциями')).toBeTruthy();
    expect(within(first!).getByRole('link', { name: 'Акция 1' }).getAttribute('href')).toBe('/prices/promotions/PR1');
    // Its own promotions only (a partner also sees its seller's that reach it).
    expect(promotionCalls(api.calls)[0]?.variables).toEqual({ first: 25, filter: { owner: 'O2', status: 'RUNNING', search: null } });

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Прошедшие' }));
    expect(shownSearchParams().get('status')).toBe('PAST');
    await waitFor(() => expect(promotionCalls(api.calls).at(-1)?.variables).toMatchObject({ filter: { status: 'PAST' } }));
    await user.click(screen.getByRole('button', { name: 'Все' }));
    expect(shownSearchParams().get('status')).toBeNull();
  });

  it('says when there are none yet, and offers to create one', async () => {
    renderApp({ path: '/prices/promotions', answers: { Me: dealerAdmin, PricePromotions: pagedAnswer('promotions', 0, (i) => promotion(i)) } });
    expect(await screen.findByText('Акций пока нет')).toBeTruthy();
    expect(screen.getByText(/Создайте акцию для своих субдилеров/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Создать акцию' }).getAttribute('href')).toBe('/prices/promotions/new');
  });

  it('shows a skeleton while loading, then an error with a retry', async () => {
    renderApp({ path: '/prices/promotions', answers: { Me: dealerAdmin, PricePromotions: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_ERROR' } }] } } });
    expect(await screen.findByRole('button', { name: /Повторить|Попробовать/ })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

const floorRefusal = {
  field: 'value',
  code: 'BELOW_MAP_FLOOR',
  message: 'Prices below the minimum resale price.',
  skus: Array.from({ length: 23 }, (_, i) => `KR-${String(i + 1).padStart(3, '0')}`),
};

async function fillNewPromotion(create: unknown) {
  const rendered = renderApp({ path: '/prices/promotions/new', answers: { Me: dealerAdmin, ...options, PromotionCreate: create, PricePromotions: pagedAnswer('promotions', 0, promotion) }, showLocation: true });
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Название'), 'Неделя красок');
  await user.type(screen.getByLabelText('Скидка, %'), '30');
  await waitFor(() => expect(screen.getByRole('option', { name: /Фасадные краски/ })).toBeTruthy());
  await user.selectOptions(screen.getByLabelText('Добавить категорию'), 'C2');
  return { ...rendered, user };
}

const sentInput = (calls: ApiCall[]) => calls.find((c) => c.operation === 'PromotionCreate')?.variables['input'] as Record<string, unknown>;

describe('the promotion form', () => {
  it('creates a promotion with its targets and period, and returns to the list', async () => {
    const { api, user } = await fillNewPromotion({ promotionCreate: { promotion: promotion(0), errors: [] } });
    expect(screen.getByRole('list', { name: 'Выбранные категории' }).textContent).toContain('Фасадные краски');
    await user.click(screen.getByRole('checkbox', { name: 'Оптовики' }));
    await user.click(screen.getByRole('radio', { name: /Суммируется с другими акциями/ }));
    await user.click(screen.getByRole('button', { name: 'Создать акцию' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/promotions'));
    expect(sentInput(api.calls)).toMatchObject({
      name: 'Неделя красок',
      kind: 'PERCENT',
      value: '30',
      currency: null,
      stacking: 'STACKS',
      categories: ['C2'],
      variants: [],
      audiencePriceGroups: ['G1'],
      audienceOrganizations: [],
    });
  });

  it('shows a refusal below the MAP floor at the discount with every offending SKU', async () => {
    const { user } = await fillNewPromotion({ promotionCreate: { promotion: null, errors: [floorRefusal] } });
    await user.click(screen.getByRole('button', { name: 'Создать акцию' }));
    const skus = await screen.findByRole('list', { name: 'Артикулы' });
    expect(within(skus).getAllByRole('listitem')).toHaveLength(20);
    expect(within(skus).getByText('KR-001')).toBeTruthy();
    expect(screen.getByText('и ещё 3 артикула')).toBeTruthy();
    expect(screen.queryByText('Prices below the minimum resale price.')).toBeNull();
    const value = screen.getByLabelText('Скидка, %');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('location').textContent).toBe('/prices/promotions/new');
  });

  it('shows a period ending before it starts at the last day, and an audience outside the subtree at the organizations', async () => {
    const { user } = await fillNewPromotion({
      promotionCreate: {
        promotion: null,
        errors: [
          { field: 'ends', code: 'INVALID_PERIOD', message: 'A promotion must end on or after its first day.', skus: null },
          { field: 'audienceOrganizations', code: 'ASSIGNMENT_OUTSIDE_SUBTREE', message: 'Outside.', skus: null },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Создать акцию' }));
    await waitFor(() => expect(screen.getByLabelText('Последний день').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Первый день').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('searchbox', { name: 'Добавить организацию' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('deletes a promotion only after the confirmation', async () => {
    const loaded = {
      node: {
        __typename: 'Promotion',
        ...promotion(0),
        owner: { id: 'O2' },
        variants: [{ id: 'V1', sku: 'KR-001', name: '0,9 л', product: { id: 'P1', name: 'Краска' } }],
        products: [],
        categories: [],
        audienceOrganizations: [],
      },
    };
    const { api } = renderApp({
      path: '/prices/promotions/PR1',
      answers: { Me: dealerAdmin, ...options, PromotionForEdit: loaded, PromotionDelete: { promotionDelete: { deletedId: 'PR1', errors: [] } }, PricePromotions: pagedAnswer('promotions', 0, promotion) },
      showLocation: true,
    });
    const user = userEvent.setup();
    expect(((await screen.findByLabelText('Название')) as HTMLInputElement).value).toBe('Акция 1');
    expect((screen.getByLabelText('Скидка, %') as HTMLInputElement).value).toBe('10');
    expect(screen.getByRole('list', { name: 'Выбранные артикулы' }).textContent).toContain('KR-001');
    await user.click(screen.getByRole('button', { name: 'Удалить акцию' }));
    const dialog = screen.getByRole('dialog', { name: 'Удалить акцию?' });
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(api.calls.some((c) => c.operation === 'PromotionDelete')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Удалить акцию' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/prices/promotions'));
    expect(api.calls.find((c) => c.operation === 'PromotionDelete')?.variables).toEqual({ id: 'PR1' });
  });
});
