import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import {
  ManagedAccountSetDocument,
  type InvoicePolicy,
  type ManagedAccountPartsFragment,
  type OverLimitPolicy,
  type PaymentTerms,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, isAmount, parseAmount } from '../../lib/formErrors';
import { Alert, Button, SelectField, TextArea, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';

const TERMS: PaymentTerms[] = ['PREPAYMENT', 'NET'];
const OVER_LIMIT: OverLimitPolicy[] = ['REFUSE', 'MODERATE', 'CARD'];
const INVOICE_POLICIES: InvoicePolicy[] = ['ON_CONFIRMATION', 'PER_SHIPMENT'];

interface SettingsValues {
  creditLimit: string;
  terms: PaymentTerms;
  netDays: string;
  overLimitPolicy: OverLimitPolicy;
  invoicePolicy: InvoicePolicy;
  note: string;
}
const FIELDS = ['creditLimit', 'terms', 'netDays', 'overLimitPolicy', 'invoicePolicy', 'note'] as const;

const valuesOf = (account: ManagedAccountPartsFragment): SettingsValues => ({
  creditLimit: account.creditLimit.amount,
  terms: account.terms,
  netDays: String(account.netDays),
  overLimitPolicy: account.overLimitPolicy,
  invoicePolicy: account.invoicePolicy,
  note: account.note,
});

/** Net days as the API takes them: whole days 1–365 for net terms (prepayment has none). */
export function netDaysValid(terms: PaymentTerms, value: string): boolean {
  if (terms !== 'NET') return true;
  return /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 365;
}

/** The seller's terms for the buyer: limit, payment terms, what happens over the limit, invoicing. */
export function AccountSettingsForm({ account }: { account: ManagedAccountPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, save] = useMutation(ManagedAccountSetDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SettingsValues>({ defaultValues: valuesOf(account) });
  const terms = watch('terms');
  // The account changed elsewhere (a payment, an adjustment, this form's own save): the
  // fields show its terms again. Not a remount (a key): the confirmation would go with it.
  useEffect(() => reset(valuesOf(account)), [account.updatedAt, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setProblems([]);
    setSaved(null);
    const result = await save({
      input: {
        buyer: account.buyer.id,
        currency: account.currency,
        creditLimit: parseAmount(values.creditLimit) ?? '0',
        terms: values.terms,
        netDays: values.terms === 'NET' ? Number(values.netDays) : 0,
        overLimitPolicy: values.overLimitPolicy,
        invoicePolicy: values.invoicePolicy,
        note: values.note.trim(),
      },
    });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.creditAccountSet;
    const rest = applyFieldErrors(t, payload?.errors ?? [], FIELDS, setError);
    if (rest.length) return setProblems(rest);
    if (payload?.account) {
      reset(valuesOf(payload.account));
      setSaved(t('creditManage.account.settings.saved', { amount: format.money(payload.account.available.amount, payload.account.available.currency) }));
    }
  });

  return (
    <section className="net-card finance-card" aria-labelledby="account-settings">
      <h2 id="account-settings">{t('creditManage.account.settings.title')}</h2>
      <form className="finance-form" onSubmit={onSubmit} noValidate>
        <ProblemAlerts problems={problems} />
        {saved && <Alert tone="success">{saved}</Alert>}
        <TextField
          label={t('creditManage.account.settings.limit', { currency: account.currency })}
          inputMode="decimal"
          autoComplete="off"
          error={errors.creditLimit?.message}
          {...register('creditLimit', {
            validate: (value) => (value.trim() !== '' && isAmount(value)) || t('creditManage.account.settings.limitInvalid'),
          })}
        />
        <SelectField
          label={t('creditManage.account.settings.terms')}
          options={TERMS.map((value) => ({ value, label: t(`creditManage.account.settings.termsOption.${value}`) }))}
          error={errors.terms?.message}
          {...register('terms')}
        />
        {terms === 'NET' && (
          <TextField
            label={t('creditManage.account.settings.netDays')}
            inputMode="numeric"
            autoComplete="off"
            error={errors.netDays?.message}
            {...register('netDays', {
              validate: (value, all) => netDaysValid(all.terms, value) || t('creditManage.account.settings.netDaysInvalid'),
            })}
          />
        )}
        <SelectField
          label={t('creditManage.account.settings.overLimit')}
          options={OVER_LIMIT.map((value) => ({ value, label: t(`creditManage.account.settings.overLimitOption.${value}`) }))}
          error={errors.overLimitPolicy?.message}
          {...register('overLimitPolicy')}
        />
        <SelectField
          label={t('creditManage.account.settings.invoicePolicy')}
          options={INVOICE_POLICIES.map((value) => ({ value, label: t(`creditManage.account.settings.invoicePolicyOption.${value}`) }))}
          error={errors.invoicePolicy?.message}
          {...register('invoicePolicy')}
        />
        <TextArea label={t('creditManage.account.settings.note')} rows={2} error={errors.note?.message} {...register('note')} />
        <div className="finance-form__actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('creditManage.account.settings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
