/** The form that invites a person by e-mail, with a role, a custom role and a spending limit. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../../api/errors';
import { InvitationCreateDocument, type Role } from '../../../gql/graphql';
import { applyFieldErrors, EMAIL_PATTERN, isAmount, parseAmount } from '../../../lib/formErrors';
import { Alert, Button, SelectField, TextField } from '../../../ui';
import { ProblemAlerts } from '../../../ui/ProblemAlerts';
import { ROLES, useCustomRoleOptions } from './memberOptions';

interface InviteValues {
  email: string;
  role: Role;
  customRole: string;
  spendingLimit: string;
}

const INVITE_FIELDS = ['email', 'role', 'customRole', 'spendingLimit'] as const;

export function InviteForm() {
  const { t } = useTranslation();
  const customRoles = useCustomRoleOptions();
  const [, create] = useMutation(InvitationCreateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<InviteValues>({ defaultValues: { email: '', role: 'BUYER', customRole: '', spendingLimit: '' } });

  const onSubmit = async (values: InviteValues) => {
    setProblems([]);
    setSentTo(null);
    const result = await create({
      input: {
        email: values.email.trim(),
        role: values.role,
        customRole: values.customRole || null,
        spendingLimit: parseAmount(values.spendingLimit),
      },
    });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const apiErrors = result.data?.invitationCreate?.errors ?? [];
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, INVITE_FIELDS, setError));
      return;
    }
    setSentTo(result.data?.invitationCreate?.invitation?.email ?? values.email);
    reset();
  };

  return (
    <section className="net-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('network.invite.title')}</h2>
      <p className="net-muted">{t('network.invite.lead')}</p>
      {sentTo && <Alert tone="success">{t('network.invite.sent', { email: sentTo })}</Alert>}
      <ProblemAlerts problems={problems} />
      <form className="net-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t('network.fields.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email?.message}
          {...register('email', {
            required: t('validation.required'),
            pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
          })}
        />
        <div>
          <SelectField
            label={t('network.fields.role')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...register('role')}
          />
          {errors.role?.message && <p className="ui-field__error">{errors.role.message}</p>}
        </div>
        <div>
          <SelectField
            label={t('network.fields.customRoleOptional')}
            options={[{ value: '', label: t('network.fields.noCustomRole') }, ...customRoles.map((role) => ({ value: role.id, label: role.name }))]}
            {...register('customRole')}
          />
          {errors.customRole?.message && <p className="ui-field__error">{errors.customRole.message}</p>}
        </div>
        <TextField
          label={t('network.fields.spendingLimitOptional')}
          hint={t('network.fields.spendingLimitHint')}
          inputMode="decimal"
          error={errors.spendingLimit?.message}
          {...register('spendingLimit', { validate: (value) => isAmount(value) || t('validation.amount') })}
        />
        <div className="net-form__actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('network.invite.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
