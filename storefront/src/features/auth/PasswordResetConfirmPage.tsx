import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { PasswordResetConfirmDocument } from '../../gql/graphql';
import { applyFieldErrors } from '../../lib/formErrors';
import { Alert, Button, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { usePageTitle } from '../shell/usePageTitle';
import { AuthCard } from './AuthCard';
import './auth.css';

interface ConfirmValues {
  password: string;
  confirm: string;
}

const MIN_PASSWORD_LENGTH = 8;

/** Client-side checks of the new password; the keys of the messages to show, by field. */
export function newPasswordProblems(values: ConfirmValues): Partial<Record<keyof ConfirmValues, 'required' | 'passwordShort' | 'passwordMatch'>> {
  const problems: Partial<Record<keyof ConfirmValues, 'required' | 'passwordShort' | 'passwordMatch'>> = {};
  if (!values.password) problems.password = 'required';
  else if (values.password.length < MIN_PASSWORD_LENGTH) problems.password = 'passwordShort';
  if (values.confirm !== values.password) problems.confirm = 'passwordMatch';
  return problems;
}

type Outcome = { kind: 'form' } | { kind: 'done'; email: string | null } | { kind: 'badLink'; problem: ApiProblem };

/** `/password-reset/:uid/:token`, opened from the e-mailed link: sets a new password. */
export default function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const { uid = '', token = '' } = useParams();
  const [, confirm] = useMutation(PasswordResetConfirmDocument);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  usePageTitle(t('passwordReset.confirmTitle'));
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ConfirmValues>({ defaultValues: { password: '', confirm: '' } });

  useEffect(() => setFocus('password'), [setFocus]);

  const onSubmit = async ({ password }: ConfirmValues) => {
    setProblems([]);
    const result = await confirm({ uid, token, password });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const payload = result.data?.passwordResetConfirm;
    const apiErrors = payload?.errors ?? [];
    if (payload && apiErrors.length === 0) {
      setOutcome({ kind: 'done', email: payload.email ?? null });
      return;
    }
    const badLink = apiErrors.find((error) => error.code === 'INVALID_RESET_LINK');
    if (badLink) {
      setOutcome({ kind: 'badLink', problem: { code: badLink.code, detail: badLink.message } });
      return;
    }
    setProblems(applyFieldErrors(t, apiErrors, ['password'], setError));
  };

  const check = (field: keyof ConfirmValues) => (value: string) => {
    const problem = newPasswordProblems({ ...getValues(), [field]: value })[field];
    return problem ? t(`validation.${problem}`) : true;
  };

  return (
    <AuthCard title={t('passwordReset.confirmTitle')}>
      {outcome.kind === 'done' ? (
        <>
          <Alert tone="success" title={t('passwordReset.doneTitle')}>
            {t('passwordReset.done')}
          </Alert>
          <Link className="ui-button ui-button--primary ui-button--md signin__submit" to="/sign-in" state={{ email: outcome.email }}>
            {t('passwordReset.signIn')}
          </Link>
        </>
      ) : outcome.kind === 'badLink' ? (
        <>
          <Alert tone="error" title={t('passwordReset.invalidTitle')}>
            {describeProblem(t, outcome.problem)}
          </Alert>
          <div className="signin__actions">
            <Link className="signin__forgot" to="/password-reset">
              {t('passwordReset.requestNew')}
            </Link>
            <Link className="signin__forgot" to="/sign-in">
              {t('passwordReset.backToSignIn')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="signin__lead">{t('passwordReset.confirmLead')}</p>
          <ProblemAlerts problems={problems} />
          <form className="signin__form" onSubmit={handleSubmit(onSubmit)} noValidate>
            <TextField
              label={t('passwordReset.newPassword')}
              type="password"
              autoComplete="new-password"
              error={errors.password?.message}
              {...register('password', { validate: check('password') })}
            />
            <TextField
              label={t('passwordReset.repeatPassword')}
              type="password"
              autoComplete="new-password"
              error={errors.confirm?.message}
              {...register('confirm', { validate: check('confirm') })}
            />
            <Button type="submit" variant="primary" busy={isSubmitting} className="signin__submit">
              {isSubmitting ? t('passwordReset.saving') : t('passwordReset.save')}
            </Button>
          </form>
        </>
      )}
    </AuthCard>
  );
}
