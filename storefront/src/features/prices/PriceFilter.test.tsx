import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { PriceFilter } from './PriceFilter';

function show(bounds = { min: null as string | null, max: null as string | null }) {
  const onApply = vi.fn();
  renderApp({ path: '/catalog', answers: {}, element: <PriceFilter bounds={bounds} currency="RUB" onApply={onApply} /> });
  return { onApply, user: userEvent.setup() };
}

describe('the price range filter', () => {
  it('applies the bounds as decimal strings, read the way a person types them', async () => {
    const { onApply, user } = show();
    expect(screen.getByRole('heading', { name: 'Цена с НДС, ₽' })).toBeTruthy();
    await user.type(screen.getByLabelText('Цена от'), '1 000,50');
    await user.type(screen.getByLabelText('Цена до'), '2000{Enter}');
    expect(onApply).toHaveBeenCalledWith({ min: '1000.50', max: '2000' });
  });

  it('refuses a minimum above the maximum and text that is no number, applying nothing', async () => {
    const { onApply, user } = show();
    await user.type(screen.getByLabelText('Цена от'), '500');
    await user.type(screen.getByLabelText('Цена до'), '100');
    await user.click(screen.getByRole('button', { name: 'Применить' }));
    expect(screen.getByRole('alert').textContent).toBe('Нижняя граница больше верхней');
    await user.clear(screen.getByLabelText('Цена до'));
    await user.type(screen.getByLabelText('Цена до'), 'дорого');
    await user.click(screen.getByRole('button', { name: 'Применить' }));
    expect(screen.getByRole('alert').textContent).toBe('Введите число, например 1250,50');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('clears a range that is set', async () => {
    const { onApply, user } = show({ min: '100', max: null });
    expect((screen.getByLabelText('Цена от') as HTMLInputElement).value).toBe('100');
    await user.click(screen.getByRole('button', { name: 'Сбросить цену' }));
    expect(onApply).toHaveBeenCalledWith({ min: null, max: null });
  });
});
