import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { PasswordResetRequestDocument } from '../../gql/graphql';
import { applyFieldErrors, EMAIL_PATTERN } from '../../lib/formErrors';
import { Alert, Button, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { usePageTitle } from '../shell/usePageTitle';
import { emailFromState } from './signInEmail';
import { AuthCard } from './AuthCard';
import './auth.css';

interface RequestValues {
  email: string;
}

/** `/password-reset`: asks for the e-mail and sends the link (the same answer for any address). */
export default function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [, send] = useMutation(PasswordResetRequestDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  usePageTitle(t('passwordReset.requestTitle'));
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RequestValues>({ defaultValues: { email: emailFromState(location.state) ?? '' } });

  useEffect(() => {
    if (sentTo === null) setFocus('email');
  }, [setFocus, sentTo]);

  const onSubmit = async ({ email }: RequestValues) => {
    setProblems([]);
    const result = await send({ email: email.trim() });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const payload = result.data?.passwordResetRequest;
    if (payload?.requested) {
      setSentTo(email.trim());
      return;
    }
    const apiErrors = payload?.errors ?? [];
    const throttled = apiErrors.find((error) => error.code === 'PASSWORD_RESET_THROTTLED');
    if (throttled) {
      setProblems([{ code: throttled.code, detail: throttled.message, retryAfter: throttled.retryAfter }]);
      return;
    }
    setProblems(applyFieldErrors(t, apiErrors, ['email'], setError));
  };

  return (
    <AuthCard title={t('passwordReset.requestTitle')}>
      {sentTo !== null ? (
        <>
          <Alert tone="success" title={t('passwordReset.sentTitle')}>
            {t('passwordReset.sent', { email: sentTo })}
          </Alert>
          <p className="signin__help">{t('passwordReset.notReceived')}</p>
          <div className="signin__actions">
            <Button variant="secondary" onClick={() => setSentTo(null)}>
              {t('passwordReset.again')}
            </Button>
            <Link className="signin__forgot" to="/sign-in" state={{ email: sentTo }}>
              {t('passwordReset.backToSignIn')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="signin__lead">{t('passwordReset.requestLead')}</p>
          <ProblemAlerts problems={problems} />
          <form className="signin__form" onSubmit={handleSubmit(onSubmit)} noValidate>
            <TextField
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              error={errors.email?.message}
              {...register('email', {
                required: t('validation.required'),
                pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
              })}
            />
            <Button type="submit" variant="primary" busy={isSubmitting} className="signin__submit">
              {isSubmitting ? t('passwordReset.sending') : t('passwordReset.send')}
            </Button>
          </form>
          <Link className="signin__forgot" to="/sign-in">
            {t('passwordReset.backToSignIn')}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
