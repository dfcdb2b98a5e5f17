import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeQuery } from '../../gql/graphql';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { rub } from './fixtures';

const balance = (available: string, overdue: string) => ({
  creditAccount: { id: 'CA1', available: rub(available), overdue: rub(overdue), overdueDays: overdue === '0.00' ? null : 5 },
});

describe('the header’s balance widget', () => {
  it('shows the available credit and what is overdue, and links to /finance', async () => {
    renderApp({ path: '/orders/none', answers: { Me: me(1, 0), CreditBalance: balance('538000.00', '12500.00') } });
    const widget = await screen.findByRole('link', { name: /^Финансы: доступный кредит/ });
    expect(widget.getAttribute('href')).toBe('/finance');
    expect(widget.getAttribute('aria-label')).toMatch(/доступный кредит 538\s000,00\s₽, просрочено 12\s500,00\s₽$/);
    expect(screen.getByTestId('balance-available').textContent).toMatch(/^538\s000,00\s₽$/);
    expect(screen.getByTestId('balance-overdue').textContent).toMatch(/^12\s500,00\s₽$/);
    expect(widget.className).toContain('balance-widget--overdue');
  });

  it('leaves out the overdue figure when nothing is overdue (English)', async () => {
    renderApp({ path: '/orders/none', language: 'en', answers: { Me: me(1, 0), CreditBalance: balance('-2500.00', '0.00') } });
    const widget = await screen.findByRole('link', { name: /^Finance: available credit/ });
    // Intl writes the minus sign and spaces its own way: compare the digits and the sign.
    expect(widget.getAttribute('aria-label')?.replace(/\s/g, ' ')).toMatch(/^Finance: available credit [-−]RUB 2,500\.00$/);
    expect(widget.className).not.toContain('balance-widget--overdue');
    expect(screen.queryByTestId('balance-overdue')).toBeNull();
  });

  it('is not there when the organization has no credit account', async () => {
    const { api } = renderApp({ path: '/orders/none', answers: { Me: me(1, 0) } });
    await waitFor(() => expect(api.calls.some((call) => call.operation === 'CreditBalance')).toBe(true));
    expect(screen.queryByTestId('balance-widget')).toBeNull();
    // The navigation still offers «Финансы» to a member who sees invoices.
    expect(await screen.findByRole('link', { name: 'Финансы' })).toBeTruthy();
  });

  it('is not asked for when the member may neither order, approve, see invoices nor pay', async () => {
    const viewer: MeQuery = me(1, 0);
    viewer.me!.memberships[0]!.permissions = ['VIEW_ORDERS'];
    const { api } = renderApp({ path: '/orders/none', answers: { Me: viewer, CreditBalance: balance('1.00', '0.00') } });
    await waitFor(() => expect(api.calls.some((call) => call.operation === 'Me')).toBe(true));
    await screen.findByRole('link', { name: 'Заказы' });
    expect(api.calls.some((call) => call.operation === 'CreditBalance')).toBe(false);
    expect(screen.queryByTestId('balance-widget')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Финансы' })).toBeNull();
  });
});
