/**
 * Paying an invoice by card: the API opens a PaymentIntent (`paymentIntentCreate`), Stripe.js
 * shows its Payment Element for it and confirms it (`stripe.confirmPayment`). The invoice is
 * settled by Stripe's signed webhook on the server, never by this page: success here says the
 * payment is on its way. This module (and @stripe/stripe-js, which loads Stripe.js from
 * js.stripe.com) is a chunk of its own, loaded only when someone chooses to pay.
 */
import { loadStripe, type Stripe, type StripeElements } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { PaymentIntentCreateDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Button, Dialog, Spinner } from '../../ui';
import { FINANCE_CONTEXT } from './access';

type Stage = 'preparing' | 'ready' | 'paying' | 'done' | 'failed';

interface Ready {
  stripe: Stripe;
  elements: StripeElements;
}

export default function CardPaymentDialog({
  invoiceId,
  invoiceNumber,
  amount,
  onClose,
  onPaid,
}: {
  invoiceId: string;
  invoiceNumber: string;
  amount: { amount: string; currency: string };
  onClose: () => void;
  /** After a confirmed payment: the page asks for its figures again. */
  onPaid: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [, createIntent] = useMutation(PaymentIntentCreateDocument);
  const [stage, setStage] = useState<Stage>('preparing');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const mountPoint = useRef<HTMLDivElement>(null);
  const ready = useRef<Ready | null>(null);

  useEffect(() => {
    let cancelled = false;
    const prepare = async () => {
      const answer = await createIntent({ invoice: invoiceId }, FINANCE_CONTEXT);
      if (cancelled) return;
      const payload = answer.data?.paymentIntentCreate;
      const [first] = payload?.errors ?? [];
      if (answer.error || first || !payload?.clientSecret || !payload.publishableKey) {
        setProblem(answer.error ? problemOf(answer.error) : first ? { code: first.code, detail: first.message } : { code: 'GRAPHQL_ERROR', detail: '' });
        setStage('failed');
        return;
      }
      try {
        const stripe = await loadStripe(payload.publishableKey, { locale: i18n.language === 'en' ? 'en' : 'ru' });
        if (cancelled) return;
        if (!stripe || !mountPoint.current) throw new Error('Stripe.js not available');
        const elements = stripe.elements({ clientSecret: payload.clientSecret });
        elements.create('payment').mount(mountPoint.current);
        ready.current = { stripe, elements };
        setStage('ready');
      } catch (error) {
        if (cancelled) return;
        setProblem({ code: 'STRIPE_UNAVAILABLE', detail: error instanceof Error ? error.message : '' });
        setStage('failed');
      }
    };
    void prepare();
    return () => {
      cancelled = true;
    };
  }, [createIntent, invoiceId, i18n.language]);

  const pay = async () => {
    if (!ready.current) return;
    setCardError(null);
    setStage('paying');
    const { stripe, elements } = ready.current;
    const result = await stripe.confirmPayment({
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: `${window.location.origin}/finance/invoices/${encodeURIComponent(invoiceId)}` },
    });
    if (result.error) {
      setCardError(result.error.message ?? t('finance.pay.declined'));
      setStage('ready');
      return;
    }
    setStage('done');
    onPaid();
  };

  const sum = format.money(amount.amount, amount.currency);
  return (
    <Dialog
      open
      title={t('finance.pay.title', { number: invoiceNumber })}
      onClose={onClose}
      footer={
        stage === 'done' || stage === 'failed' ? (
          <Button onClick={onClose}>{t('finance.pay.close')}</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              {t('finance.pay.cancel')}
            </Button>
            <Button variant="primary" busy={stage === 'paying'} disabled={stage !== 'ready'} onClick={() => void pay()} data-testid="card-pay-confirm">
              {t('finance.pay.confirm', { amount: sum })}
            </Button>
          </>
        )
      }
    >
      {stage === 'preparing' && <Spinner label={t('finance.pay.preparing')} />}
      {problem && <Alert tone="error">{problem.code === 'STRIPE_UNAVAILABLE' ? t('finance.pay.unavailable') : describeProblem(t, problem)}</Alert>}
      {cardError && <Alert tone="error">{cardError}</Alert>}
      {stage === 'done' ? (
        <Alert tone="success">
          <span data-testid="card-pay-done">{t('finance.pay.done', { amount: sum })}</span>
        </Alert>
      ) : (
        <div ref={mountPoint} className="finance-card-element" data-testid="card-element" hidden={stage === 'failed'} />
      )}
    </Dialog>
  );
}
