import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { ManagedAccountInvoicesDocument, ManagedPaymentRecordDocument, type ManagedAccountPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, parseAmount } from '../../lib/formErrors';
import { Alert, Button, SelectField, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { isPositiveAmount } from './amounts';
import { todayIso } from './manageDates';

interface PaymentValues {
  amount: string;
  receivedOn: string;
  reference: string;
  invoice: string;
  purpose: string;
}
const FIELDS = ['amount', 'receivedOn', 'reference', 'invoice', 'purpose'] as const;
const empty = (): PaymentValues => ({ amount: '', receivedOn: todayIso(), reference: '', invoice: '', purpose: '' });

/** A bank transfer recorded by hand: allocated to the named invoice, else the oldest open ones. */
export function AccountPaymentForm({ account }: { account: ManagedAccountPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [invoices] = useQuery({ query: ManagedAccountInvoicesDocument, variables: { account: account.id } });
  const [, record] = useMutation(ManagedPaymentRecordDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PaymentValues>({ defaultValues: empty() });

  const open = (invoices.data?.invoices.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const onSubmit = handleSubmit(async (values) => {
    setProblems([]);
    setDone(null);
    const result = await record({
      input: {
        account: account.id,
        amount: parseAmount(values.amount) ?? '0',
        currency: account.currency,
        receivedOn: values.receivedOn,
        reference: values.reference.trim() || null,
        invoice: values.invoice || null,
        purpose: values.purpose.trim() || null,
      },
    });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.paymentRecord;
    const rest = applyFieldErrors(t, payload?.errors ?? [], FIELDS, setError);
    if (rest.length) return setProblems(rest);
    const payment = payload?.payment;
    if (payment) {
      reset(empty());
      const amount = format.money(payment.amount.amount, payment.amount.currency);
      setDone(
        Number(payment.advance.amount) > 0
          ? t('creditManage.account.payment.doneAdvance', { amount, advance: format.money(payment.advance.amount, payment.advance.currency) })
          : t('creditManage.account.payment.done', { amount }),
      );
    }
  });

  return (
    <section className="net-card finance-card" aria-labelledby="account-payment">
      <h2 id="account-payment">{t('creditManage.account.payment.title')}</h2>
      <form className="finance-form" onSubmit={onSubmit} noValidate>
        <ProblemAlerts problems={problems} />
        {done && <Alert tone="success">{done}</Alert>}
        <TextField
          label={t('creditManage.account.payment.amount', { currency: account.currency })}
          inputMode="decimal"
          autoComplete="off"
          error={errors.amount?.message}
          {...register('amount', { validate: (value) => isPositiveAmount(value) || t('creditManage.account.amountInvalid') })}
        />
        <TextField
          type="date"
          label={t('creditManage.account.payment.receivedOn')}
          error={errors.receivedOn?.message}
          {...register('receivedOn', { validate: (value) => value !== '' || t('creditManage.account.dateRequired') })}
        />
        <TextField label={t('creditManage.account.payment.reference')} autoComplete="off" error={errors.reference?.message} {...register('reference')} />
        <SelectField
          label={t('creditManage.account.payment.invoice')}
          error={errors.invoice?.message}
          options={[
            { value: '', label: t('creditManage.account.payment.invoiceOldest') },
            ...open.map((invoice) => ({
              value: invoice.id,
              label: t('creditManage.account.payment.invoiceOption', {
                number: invoice.number,
                amount: format.money(invoice.remaining.amount, invoice.remaining.currency),
                date: format.date(invoice.dueOn),
              }),
            })),
          ]}
          {...register('invoice')}
        />
        <TextField label={t('creditManage.account.payment.purpose')} autoComplete="off" error={errors.purpose?.message} {...register('purpose')} />
        <div className="finance-form__actions">
          <Button type="submit" busy={isSubmitting}>
            {t('creditManage.account.payment.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
