import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n';
import type { QuantityRulesInput } from './quantityRules';
import { QuantityStepper } from './QuantityStepper';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function Harness({ rules, start }: { rules: QuantityRulesInput; start: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <QuantityStepper rules={rules} value={value} onChange={setValue} label="Количество" />
      <span data-testid="value">{value}</span>
    </>
  );
}

function renderStepper(rules: QuantityRulesInput, start: string, language: Language = 'ru') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <Harness rules={rules} start={start} />
    </I18nextProvider>,
  );
  return { input: screen.getByRole('textbox', { name: 'Количество' }) as HTMLInputElement, user: userEvent.setup() };
}

const tens = { minimum: '20.000', step: '10.000', unit: 'PCS' as const };

describe('QuantityStepper', () => {
  it('steps by the order multiple and never below the minimum', async () => {
    const { input, user } = renderStepper(tens, '20');
    const less = screen.getByRole('button', { name: 'Меньше' });
    expect((less as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Больше' }));
    expect(input.value).toBe('30');
    await user.click(less);
    expect(input.value).toBe('20');
  });

  it('keeps a typed quantity that breaks the rules, says why, and offers the nearest one to take', async () => {
    const { input, user } = renderStepper(tens, '20');
    await user.clear(input);
    await user.type(input, '25');
    expect(input.value).toBe('25');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(plain(screen.getByRole('status').textContent)).toContain('Заказывается кратно 10 шт.');
    await user.click(screen.getByRole('button', { name: 'Взять 30 шт.' }));
    expect(input.value).toBe('30');
    expect(screen.queryByRole('status')).toBeNull();

    await user.clear(input);
    await user.type(input, '5');
    expect(plain(screen.getByRole('status').textContent)).toContain('Минимальный заказ — 20 шт.');
    expect(screen.getByRole('button', { name: 'Взять 20 шт.' })).toBeTruthy();
    expect(input.value).toBe('5');
  });

  it('asks for whole pieces, in English too', async () => {
    const { input, user } = renderStepper({ minimum: '1', step: '1', unit: 'PCS' }, '1', 'en');
    await user.clear(input);
    await user.type(input, '2.5');
    expect(plain(screen.getByRole('status').textContent)).toContain('This item is ordered in whole units.');
    await user.click(screen.getByRole('button', { name: 'Take 3 pcs' }));
    expect(screen.getByTestId('value').textContent).toBe('3');
  });
});
