import ru from '../../i18n/ru.json';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { me } from '../../test/fixtures';
import { renderApp, type Answer } from '../../test/render';
import { invoiceDetail } from './fixtures';

// Stripe.js itself comes from js.stripe.com; the tests stand in for its loader.
const stripe = vi.hoisted(() => ({
  loadStripe: vi.fn(),
  mount: vi.fn(),
  create: vi.fn(),
  elements: vi.fn(),
  confirmPayment: vi.fn(),
}));
vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));

beforeEach(() => {
  vi.clearAllMocks();
  stripe.create.mockReturnValue({ mount: stripe.mount });
  stripe.elements.mockReturnValue({ create: stripe.create });
  stripe.loadStripe.mockResolvedValue({ elements: stripe.elements, confirmPayment: stripe.confirmPayment });
});

const intent = { paymentIntentCreate: { clientSecret: 'pi_1_secret_2', publishableKey: 'pk_test_123', cardPayment: { id: 'CP2', status: 'requires_payment_method' }, errors: [] } };

function open(answers: Record<string, Answer>) {
  return renderApp({ path: '/finance/invoices/INV1', answers: { Me: me(1, 0), FinanceInvoice: invoiceDetail({}, true), ...answers } });
}

describe('paying an invoice by card', () => {
  it('opens a PaymentIntent for the invoice, mounts the Payment Element and confirms it', async () => {
    stripe.confirmPayment.mockResolvedValue({ paymentIntent: { id: 'pi_1', status: 'succeeded' } });
    const { api } = open({ PaymentIntentCreate: intent });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Оплатить картой счёт СЧ-26-00001' }));
    const dialog = await screen.findByRole('dialog', { name: 'Оплата счёта СЧ-26-00001 картой' });
    const pay = await within(dialog).findByRole('button', { name: /^Оплатить 72\s000,00\s₽$/ });
    await waitFor(() => expect((pay as HTMLButtonElement).disabled).toBe(false));
    expect(api.calls.find((c) => c.operation === 'PaymentIntentCreate')?.variables).toEqual({ invoice: 'INV1' });
    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_123', { locale: 'ru' });
    expect(stripe.elements).toHaveBeenCalledWith({ clientSecret: 'pi_1_secret_2' });
    expect(stripe.create).toHaveBeenCalledWith('payment');
    expect(stripe.mount).toHaveBeenCalledWith(within(dialog).getByTestId('card-element'));

    const asked = api.calls.filter((c) => c.operation === 'FinanceInvoice').length;
    await user.click(pay);
    expect(await within(dialog).findByTestId('card-pay-done')).toBeTruthy();
    expect(stripe.confirmPayment).toHaveBeenCalledWith(expect.objectContaining({ redirect: 'if_required', elements: expect.anything() }));
    // The invoice is asked for again (its card payment, and later its status from the webhook).
    await waitFor(() => expect(api.calls.filter((c) => c.operation === 'FinanceInvoice').length).toBeGreaterThan(asked));
  });

  it('shows the card’s refusal and lets the buyer try again', async () => {
    stripe.confirmPayment.mockResolvedValue({ error: { type: 'card_error', message: 'Your card was declined.' } });
    open({ PaymentIntentCreate: intent });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Оплатить картой счёт СЧ-26-00001' }));
    const dialog = await screen.findByRole('dialog');
    const pay = await within(dialog).findByRole('button', { name: /^Оплатить/ });
    await waitFor(() => expect((pay as HTMLButtonElement).disabled).toBe(false));
    await user.click(pay);
    expect(await within(dialog).findByText('Your card was declined.')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: /^Оплатить/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says the API’s refusal by its code and never loads Stripe.js', async () => {
    open({
      PaymentIntentCreate: { paymentIntentCreate: { clientSecret: null, publishableKey: null, cardPayment: null, errors: [{ field: null, code: 'NOTHING_TO_PAY', message: 'Nothing to pay.' }] } },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Оплатить картой счёт СЧ-26-00001' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(ru.errors.NOTHING_TO_PAY)).toBeTruthy();
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it('explains when Stripe.js cannot be loaded', async () => {
    stripe.loadStripe.mockRejectedValue(new Error('Failed to load Stripe.js'));
    open({ PaymentIntentCreate: intent });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Оплатить картой счёт СЧ-26-00001' }));
    expect(await screen.findByText(/Не удалось загрузить платёжную форму Stripe/)).toBeTruthy();
  });
});
