import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StockQuantityPartsFragment, Unit } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { band, exact } from './stockFixtures';
import { StockQuantityText } from './StockQuantityText';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function shown(quantity: StockQuantityPartsFragment, unit: Unit = 'PCS', language: 'ru' | 'en' = 'ru') {
  const { container, unmount } = renderApp({
    path: '/',
    answers: {},
    language,
    element: <StockQuantityText quantity={quantity} unit={unit} />,
  });
  const text = plain(container.textContent);
  unmount();
  return text;
}

describe('a stock quantity', () => {
  it('is exact with its unit where the warehouse shows figures', () => {
    expect(shown(exact('12.000'))).toBe('12 шт.');
    expect(shown(exact('1250.500'), 'L')).toBe('1 250,5 л');
    expect(shown(exact('12.000'), 'PCS', 'en')).toBe('12 pcs');
    expect(shown(exact('1.000'), 'PCS', 'en')).toBe('1 pc');
  });

  it('is a band where the warehouse shows bands', () => {
    expect(['NONE', 'FEW', 'OVER_10', 'OVER_50', 'OVER_100'].map((b) => shown(band(b as never)))).toEqual([
      'нет',
      'мало',
      'больше 10',
      'больше 50',
      'больше 100',
    ]);
    expect(shown(band('OVER_100'), 'PCS', 'en')).toBe('more than 100');
    expect(shown(band('FEW'), 'PCS', 'en')).toBe('few');
  });

  it('says «нет» for an exact zero, muted', () => {
    renderApp({ path: '/', answers: {}, element: <StockQuantityText quantity={exact('0.000')} unit="PCS" /> });
    const text = screen.getByText('нет');
    expect(text.className).toContain('stock-quantity--none');
  });
});
