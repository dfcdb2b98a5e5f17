import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';
import { errorsBeyondFields, PriceRulesErrors } from './PriceRulesErrors';

describe('PriceRulesErrors', () => {
  it('shows a MAP floor refusal with its first 20 SKUs and counts the rest', () => {
    const skus = Array.from({ length: 23 }, (_, i) => `SKU-${i + 1}`);
    renderApp({
      path: '/',
      answers: {},
      element: <PriceRulesErrors errors={[{ field: null, code: 'BELOW_MAP_FLOOR', message: '23 prices fall below the MAP floor.', skus }]} />,
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Цены ниже минимальной цены перепродажи (МРЦ).')).toBeTruthy();
    expect(within(alert).getByText('23 prices fall below the MAP floor.')).toBeTruthy();
    expect(within(alert).getByText('23 артикула:')).toBeTruthy();
    const listed = within(within(alert).getByRole('list', { name: 'Артикулы' })).getAllByRole('listitem');
    expect(listed.map((li) => li.textContent)).toEqual(skus.slice(0, 20));
    expect(within(alert).getByText('и ещё 3 артикула')).toBeTruthy();
  });

  it('shows one alert per error, and nothing for none', () => {
    const { container } = renderApp({
      path: '/',
      answers: {},
      element: (
        <PriceRulesErrors
          errors={[
            { code: 'DUPLICATE_TIER', message: '', skus: ['A-1'] },
            { code: 'FALLBACK_CYCLE', message: '' },
          ]}
        />
      ),
    });
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(screen.getByText('A-1')).toBeTruthy();
    expect(container.querySelector('.price-errors')).not.toBeNull();
  });

  it('leaves to the form the errors of its fields', () => {
    const errors = [
      { field: 'name', code: 'REQUIRED', message: '' },
      { field: 'rows', code: 'BELOW_MAP_FLOOR', message: '' },
      { field: null, code: 'INVALID', message: '' },
    ];
    expect(errorsBeyondFields(errors, ['name']).map((e) => e.code)).toEqual(['BELOW_MAP_FLOOR', 'INVALID']);
  });
});
