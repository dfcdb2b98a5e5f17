import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { ManagedAccountAdjustDocument, type ManagedAccountPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, parseAmount } from '../../lib/formErrors';
import { Alert, Button, SelectField, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { isPositiveAmount } from './amounts';

export const ADJUST_DIRECTIONS = ['debit', 'credit', 'creditNote'] as const;
export type AdjustDirection = (typeof ADJUST_DIRECTIONS)[number];

/**
 * The amount creditAdjust takes: an adjustment signed (+ the buyer owes more, - less); a credit
 * note positive, which the ledger records as owed less.
 */
export function adjustmentAmount(direction: AdjustDirection, amount: string): string {
  if (direction === 'credit') return `-${amount}`;
  return amount;
}

interface AdjustValues {
  direction: AdjustDirection;
  amount: string;
  reason: string;
}
const FIELDS = ['amount', 'reason'] as const;
const EMPTY: AdjustValues = { direction: 'credit', amount: '', reason: '' };

/** An adjustment of the balance with a reason (the client reads it in the statement). */
export function AccountAdjustForm({ account }: { account: ManagedAccountPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, adjust] = useMutation(ManagedAccountAdjustDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AdjustValues>({ defaultValues: EMPTY });

  const onSubmit = handleSubmit(async (values) => {
    setProblems([]);
    setDone(null);
    const amount = parseAmount(values.amount) ?? '0';
    const result = await adjust({
      account: account.id,
      amount: adjustmentAmount(values.direction, amount),
      currency: account.currency,
      reason: values.reason.trim(),
      creditNote: values.direction === 'creditNote',
    });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.creditAdjust;
    const rest = applyFieldErrors(t, payload?.errors ?? [], FIELDS, setError);
    if (rest.length) return setProblems(rest);
    if (payload?.account) {
      reset(EMPTY);
      setDone(t('creditManage.account.adjust.done', { amount: format.money(payload.account.balance.amount, payload.account.balance.currency) }));
    }
  });

  return (
    <section className="net-card finance-card" aria-labelledby="account-adjust">
      <h2 id="account-adjust">{t('creditManage.account.adjust.title')}</h2>
      <form className="finance-form" onSubmit={onSubmit} noValidate>
        <ProblemAlerts problems={problems} />
        {done && <Alert tone="success">{done}</Alert>}
        <SelectField
          label={t('creditManage.account.adjust.direction')}
          options={ADJUST_DIRECTIONS.map((value) => ({ value, label: t(`creditManage.account.adjust.directionOption.${value}`) }))}
          {...register('direction')}
        />
        <TextField
          label={t('creditManage.account.adjust.amount', { currency: account.currency })}
          inputMode="decimal"
          autoComplete="off"
          error={errors.amount?.message}
          {...register('amount', { validate: (value) => isPositiveAmount(value) || t('creditManage.account.amountInvalid') })}
        />
        <TextField
          label={t('creditManage.account.adjust.reason')}
          hint={t('creditManage.account.adjust.reasonHint')}
          autoComplete="off"
          error={errors.reason?.message}
          {...register('reason', { validate: (value) => value.trim() !== '' || t('creditManage.account.reasonRequired') })}
        />
        <div className="finance-form__actions">
          <Button type="submit" busy={isSubmitting}>
            {t('creditManage.account.adjust.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
