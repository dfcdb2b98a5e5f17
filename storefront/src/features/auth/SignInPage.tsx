import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { describeProblem, type ApiProblem } from '../../api/errors';
import { Alert, Button, TextField } from '../../ui';
import { usePageTitle } from '../shell/usePageTitle';
import { draftFor } from './formDrafts';
import type { FieldError } from './session';
import { useSession } from './SessionProvider';
import { emailFromState, rememberedSignInEmail } from './signInEmail';
import { AuthCard } from './AuthCard';
import './auth.css';

interface SignInValues {
  email: string;
  password: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/catalog';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { session, state } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNext(params.get('next'));
  // Known already: the e-mail of the session that expired in this tab, or of a password just reset.
  const [knownEmail] = useState(() => emailFromState(location.state) ?? (state.endReason === 'signedOut' ? '' : rememberedSignInEmail(window.sessionStorage)));
  const [draftKept] = useState(() => draftFor(window.sessionStorage, next) !== null);
  const [formProblem, setFormProblem] = useState<ApiProblem | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('auth.title'));
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ defaultValues: { email: knownEmail, password: '' } });

  useEffect(() => {
    setFocus(knownEmail ? 'password' : 'email');
  }, [setFocus, knownEmail]);

  if (state.tokens) return <Navigate to={next} replace />;

  const onSubmit = async (values: SignInValues) => {
    setFormProblem(null);
    const problems: FieldError[] = await session.signIn(values.email.trim(), values.password);
    const first = problems[0];
    if (!first) return; // signed in: the state change navigates away
    const problem = { code: first.code, detail: first.message, retryAfter: first.retryAfter ?? null };
    const message = describeProblem(t, problem);
    if (first.code === 'INVALID_CREDENTIALS') {
      // Do not say which of the two was wrong; show it by the password, keep the e-mail.
      setError('password', { type: 'server', message }, { shouldFocus: true });
    } else if (first.field === 'email' || first.field === 'password') {
      setError(first.field, { type: 'server', message }, { shouldFocus: true });
    } else {
      setFormProblem(problem);
      alertRef.current?.focus();
    }
  };

  const notice =
    state.endReason === 'expired'
      ? t(draftKept ? 'auth.sessionExpiredDraft' : 'auth.sessionExpired')
      : state.endReason === 'signedOut'
        ? t('auth.signedOut')
        : null;

  return (
    <AuthCard title={t('auth.title')}>
      <p className="signin__lead">{t('auth.lead')}</p>
      {notice && !formProblem && <Alert tone="info">{notice}</Alert>}
      <div ref={alertRef} tabIndex={-1} className="signin__alert">
        {formProblem && <Alert tone="error">{describeProblem(t, formProblem)}</Alert>}
      </div>
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
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password', { required: t('validation.required') })}
        />
        <Button type="submit" variant="primary" busy={isSubmitting} className="signin__submit">
          {isSubmitting ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </form>
      <Link className="signin__forgot" to="/password-reset" state={{ email: watch('email') }}>
        {t('auth.forgotLink')}
      </Link>
      <p className="signin__help">{t('auth.help')}</p>
      <p className="signin__help">
        {t('auth.applyQuestion')} <Link to="/apply">{t('auth.applyLink')}</Link>
      </p>
    </AuthCard>
  );
}
