import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { InvitationAcceptDocument, InvitationLinkDocument } from '../../gql/graphql';
import { applyFieldErrors } from '../../lib/formErrors';
import { Alert, Button, ErrorState, Spinner, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { useSession } from '../auth/SessionProvider';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { usePageTitle } from '../shell/usePageTitle';
import { InvitationDetails, type InvitationLinkInfo } from './invitation/InvitationDetails';
import { InvitationLinkNotice } from './invitation/InvitationLinkNotice';
import './network.css';

interface AcceptValues {
  firstName: string;
  lastName: string;
  password: string;
  confirm: string;
}

/** Problems with the link itself: the form cannot help, only a new invitation can. */
const LINK_PROBLEMS = new Set(['INVALID_INVITATION', 'INVITATION_EXPIRED', 'INVITATION_USED', 'INVITATION_REVOKED', 'ALREADY_MEMBER']);

export const MIN_PASSWORD_LENGTH = 8;

/** Client-side checks of the acceptance form; the keys of the messages to show, by field. */
export function acceptFormProblems(values: AcceptValues): Partial<Record<keyof AcceptValues, 'required' | 'passwordShort' | 'passwordMatch'>> {
  const problems: Partial<Record<keyof AcceptValues, 'required' | 'passwordShort' | 'passwordMatch'>> = {};
  if (!values.password) problems.password = 'required';
  else if (values.password.length < MIN_PASSWORD_LENGTH) problems.password = 'passwordShort';
  if (values.confirm !== values.password) problems.confirm = 'passwordMatch';
  return problems;
}

/**
 * The page of an e-mailed invitation link: the link is looked up first (`invitationLink`), then
 * either the acceptance form under what the invitation is for, or why the link cannot be used
 * and what to do instead.
 */
export default function InvitationAcceptPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [{ data, error, fetching }, lookUp] = useQuery({ query: InvitationLinkDocument, variables: { token }, requestPolicy: 'network-only' });
  usePageTitle(t('network.accept.title'));
  const link = data?.invitationLink;

  let body;
  if (link?.status === 'PENDING') body = <AcceptForm token={token} link={link} />;
  else if (link) body = <InvitationLinkNotice status={link.status} retryAfter={link.retryAfter} />;
  else if (error && !fetching) body = <ErrorState error={error} onRetry={() => lookUp({ requestPolicy: 'network-only' })} />;
  else body = <Spinner label={t('network.accept.checking')} />;

  return (
    <div className="net-public">
      <div className="net-public__top net-public__top--narrow">
        <span className="brand-mark" aria-hidden>
          B2B
        </span>
        <LanguageSwitcher />
      </div>
      <main id="main" className="net-public__card net-public__card--narrow">
        <h1>{t('network.accept.title')}</h1>
        {body}
      </main>
    </div>
  );
}

function AcceptForm({ token, link }: { token: string; link: InvitationLinkInfo }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [, accept] = useMutation(InvitationAcceptDocument);
  const [linkProblem, setLinkProblem] = useState<ApiProblem | null>(null);
  const [formProblems, setFormProblems] = useState<ApiProblem[]>([]);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<AcceptValues>({ defaultValues: { firstName: '', lastName: '', password: '', confirm: '' } });

  useEffect(() => setFocus('firstName'), [setFocus]);

  const onSubmit = async (values: AcceptValues) => {
    setFormProblems([]);
    setLinkProblem(null);
    const result = await accept({
      token,
      password: values.password,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
    });
    if (result.error) {
      setFormProblems([problemOf(result.error)]);
      return;
    }
    const payload = result.data?.invitationAccept;
    if (payload?.token) {
      setDone(true);
      session.setOrganization(null);
      // The refresh token came in the httpOnly cookie of this answer.
      session.adoptToken(payload.token);
      navigate('/catalog', { replace: true });
      return;
    }
    const apiErrors = payload?.errors ?? [];
    const link = apiErrors.find((error) => LINK_PROBLEMS.has(error.code));
    if (link) {
      setLinkProblem({ code: link.code, detail: link.message });
      return;
    }
    const wrongPassword = apiErrors.some((error) => error.code === 'INVALID_CREDENTIALS');
    if (wrongPassword) setError('password', { type: 'server', message: t('network.accept.wrongPassword') }, { shouldFocus: true });
    const rest = applyFieldErrors(
      t,
      apiErrors.filter((error) => error.code !== 'INVALID_CREDENTIALS'),
      ['firstName', 'lastName', 'password'],
      setError,
    );
    setFormProblems(rest);
  };

  if (linkProblem) {
    return (
      <>
        <Alert tone="error" title={t('network.accept.badLinkTitle')}>
          {describeProblem(t, linkProblem)}
        </Alert>
        <p>
          <Link to="/sign-in">{t('network.accept.toSignIn')}</Link>
        </p>
      </>
    );
  }
  if (done) return <Alert tone="success">{t('network.accept.signedIn')}</Alert>;
  return (
    <>
      <InvitationDetails link={link} />
      <p className="net-muted">{t('network.accept.lead')}</p>
      <ProblemAlerts problems={formProblems} />
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField label={t('network.accept.firstName')} autoComplete="given-name" error={errors.firstName?.message} {...register('firstName')} />
        <TextField label={t('network.accept.lastName')} autoComplete="family-name" error={errors.lastName?.message} {...register('lastName')} />
        <TextField
          label={t('network.accept.password')}
          type="password"
          autoComplete="new-password"
          hint={t('network.accept.passwordHint', { email: link.email })}
          error={errors.password?.message}
          {...register('password', {
            validate: (value) => {
              const problem = acceptFormProblems({ ...getValues(), password: value }).password;
              return problem ? t(`validation.${problem}`) : true;
            },
          })}
        />
        <TextField
          label={t('network.accept.passwordConfirm')}
          type="password"
          autoComplete="new-password"
          error={errors.confirm?.message}
          {...register('confirm', {
            validate: (value) => {
              const problem = acceptFormProblems({ ...getValues(), confirm: value }).confirm;
              return problem ? t(`validation.${problem}`) : true;
            },
          })}
        />
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {isSubmitting ? t('network.accept.submitting') : t('network.accept.submit')}
        </Button>
      </form>
      <p className="net-muted">
        <Link to="/sign-in">{t('network.accept.toSignIn')}</Link>
      </p>
    </>
  );
}
