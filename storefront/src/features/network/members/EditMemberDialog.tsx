/** A member's role, custom role and spending limit, changed in a dialog. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../../api/errors';
import { MembershipUpdateDocument, type MemberRowFragment, type Role } from '../../../gql/graphql';
import { applyFieldErrors, isAmount, parseAmount } from '../../../lib/formErrors';
import { Button, Dialog, SelectField, TextField } from '../../../ui';
import { ProblemAlerts } from '../../../ui/ProblemAlerts';
import { ROLES, useCustomRoleOptions } from './memberOptions';

interface EditValues {
  role: Role;
  customRole: string;
  spendingLimit: string;
}

export function EditMemberDialog({
  membership,
  onClose,
  onSaved,
}: {
  membership: MemberRowFragment;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const customRoles = useCustomRoleOptions();
  const [, update] = useMutation(MembershipUpdateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues>({
    defaultValues: {
      role: membership.role,
      customRole: membership.customRole?.id ?? '',
      spendingLimit: membership.spendingLimit ? String(Number(membership.spendingLimit)) : '',
    },
  });
  const name = membership.user.fullName || membership.user.email;

  const onSubmit = async (values: EditValues) => {
    setProblems([]);
    const result = await update({
      id: membership.id,
      input: {
        role: values.role,
        customRole: values.customRole || null,
        spendingLimit: parseAmount(values.spendingLimit),
      },
    });
    const apiErrors = result.data?.membershipUpdate?.errors ?? [];
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, ['role', 'customRole', 'spendingLimit'], setError));
      return;
    }
    onSaved();
    onClose();
  };

  return (
    <Dialog
      open
      title={t('network.members.editTitle', { name })}
      onClose={onClose}
    >
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <ProblemAlerts problems={problems} />
        <SelectField
          label={t('network.fields.role')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...register('role')}
        />
        <SelectField
          label={t('network.fields.customRole')}
          options={[{ value: '', label: t('network.fields.noCustomRole') }, ...customRoles.map((role) => ({ value: role.id, label: role.name }))]}
          {...register('customRole')}
        />
        {errors.customRole?.message && <p className="ui-field__error">{errors.customRole.message}</p>}
        <TextField
          label={t('network.fields.spendingLimit')}
          hint={t('network.fields.spendingLimitHint')}
          inputMode="decimal"
          error={errors.spendingLimit?.message}
          {...register('spendingLimit', { validate: (value) => isAmount(value) || t('validation.amount') })}
        />
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('network.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
