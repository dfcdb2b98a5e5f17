import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';

// Stripe's loader and the Payment Element's dialog load only when someone pays.
const CardPaymentDialog = lazy(() => import('./CardPaymentDialog'));

/** «Оплатить картой» for an open invoice, shown when the API has card payments on. */
export function PayByCardButton({
  invoice,
  onPaid,
  size = 'sm',
}: {
  invoice: { id: string; number: string; remaining: { amount: string; currency: string } };
  onPaid: () => void;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant="primary" onClick={() => setOpen(true)} aria-label={t('finance.pay.buttonLabel', { number: invoice.number })}>
        {t('finance.pay.button')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <CardPaymentDialog
            invoiceId={invoice.id}
            invoiceNumber={invoice.number}
            amount={invoice.remaining}
            onClose={() => setOpen(false)}
            onPaid={onPaid}
          />
        </Suspense>
      )}
    </>
  );
}
