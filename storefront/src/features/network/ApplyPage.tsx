import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { PartnerApplicationSubmitDocument, type PartnerApplicationSubmitMutation } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, EMAIL_PATTERN } from '../../lib/formErrors';
import { Alert, Button, TextArea, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { usePageTitle } from '../shell/usePageTitle';
import { countryCode, LocationFields, locationError } from './apply/LocationFields';
import { applicationNumber } from './applicationNumber';
import { isValidKpp } from './inn';
import { innRule, useInnHint } from './innHint';
import './network.css';

interface ApplyValues {
  companyName: string;
  legalName: string;
  inn: string;
  kpp: string;
  country: string;
  otherCountry: string;
  region: string;
  address: string;
  contactFirstName: string;
  contactLastName: string;
  email: string;
  phone: string;
  comment: string;
}

const EMPTY: ApplyValues = {
  companyName: '',
  legalName: '',
  inn: '',
  kpp: '',
  country: 'RU',
  otherCountry: '',
  region: '',
  address: '',
  contactFirstName: '',
  contactLastName: '',
  email: '',
  phone: '',
  comment: '',
};
const FIELDS = Object.keys(EMPTY) as (keyof ApplyValues)[];
const PHONE_PATTERN = /^\+?[\d\s()-]{5,31}$/;

type Receipt = NonNullable<NonNullable<PartnerApplicationSubmitMutation['partnerApplicationSubmit']>['receipt']>;

export default function ApplyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('network.apply.title'));
  const [, submit] = useMutation(PartnerApplicationSubmitDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [receipt, setReceipt] = useState<{ receipt: Receipt; email: string } | null>(null);
  const receiptRef = useRef<HTMLDivElement>(null);
  const form = useForm<ApplyValues>({ defaultValues: EMPTY });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const innHint = useInnHint(watch('inn'));
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };

  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  const onSubmit = async (values: ApplyValues) => {
    setProblems([]);
    const optional = (value: string) => value.trim() || null;
    const result = await submit({
      input: {
        companyName: values.companyName.trim(),
        legalName: values.legalName.trim(),
        inn: values.inn.replace(/\s+/g, ''),
        kpp: optional(values.kpp),
        country: countryCode(values),
        region: values.region.trim(),
        address: optional(values.address),
        contactFirstName: values.contactFirstName.trim(),
        contactLastName: optional(values.contactLastName),
        email: values.email.trim(),
        phone: optional(values.phone),
        comment: optional(values.comment),
      },
    });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const payload = result.data?.partnerApplicationSubmit;
    if (payload?.receipt) {
      setReceipt({ receipt: payload.receipt, email: values.email.trim() });
      reset(EMPTY);
      return;
    }
    const apiErrors = (payload?.errors ?? []).map((error) => locationError(error, values));
    setProblems(applyFieldErrors(t, apiErrors, FIELDS, setError));
  };

  return (
    <div className="net-public">
      <div className="net-public__top">
        <span className="brand-mark" aria-hidden>
          B2B
        </span>
        <LanguageSwitcher />
      </div>
      <main id="main" className="net-public__card">
        <h1>{t('network.apply.title')}</h1>
        {receipt ? (
          <div ref={receiptRef} tabIndex={-1} data-testid="application-receipt" className="net-dialog-form">
            <Alert tone="success" title={t('network.apply.receiptTitle')}>
              <p>
                {t('network.apply.receiptText', {
                  date: format.dateTime(receipt.receipt.createdAt),
                  status: t(`network.applicationStatus.${receipt.receipt.status}`),
                })}
              </p>
              <p>{t('network.apply.receiptNext', { email: receipt.email })}</p>
              <p className="net-muted">{t('network.apply.receiptNumber', { number: applicationNumber(t, receipt.receipt.number) })}</p>
            </Alert>
            <div className="net-form__actions">
              <Button onClick={() => setReceipt(null)}>{t('network.apply.another')}</Button>
              <Link to="/sign-in">{t('network.apply.toSignIn')}</Link>
            </div>
          </div>
        ) : (
          <>
            <p className="net-muted">{t('network.apply.lead')}</p>
            <ProblemAlerts problems={problems} />
            <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
              <fieldset className="net-form net-fieldset">
                <legend>{t('network.apply.company')}</legend>
                <TextField label={t('network.apply.companyName')} autoComplete="organization" error={errors.companyName?.message} {...register('companyName', required)} />
                <TextField label={t('network.apply.legalName')} error={errors.legalName?.message} {...register('legalName', required)} />
                <TextField
                  label={t('network.apply.inn')}
                  inputMode="numeric"
                  autoComplete="off"
                  hint={errors.inn ? undefined : innHint}
                  error={errors.inn?.message}
                  {...register('inn', innRule(t))}
                />
                <TextField
                  label={t('network.apply.kpp')}
                  autoComplete="off"
                  error={errors.kpp?.message}
                  {...register('kpp', { validate: (value) => !value.trim() || isValidKpp(value) || t('validation.kpp') })}
                />
                <LocationFields form={form} />
                <TextField className="net-form__wide" label={t('network.apply.address')} autoComplete="street-address" error={errors.address?.message} {...register('address')} />
              </fieldset>
              <fieldset className="net-form net-fieldset">
                <legend>{t('network.apply.contact')}</legend>
                <TextField label={t('network.apply.firstName')} autoComplete="given-name" error={errors.contactFirstName?.message} {...register('contactFirstName', required)} />
                <TextField label={t('network.apply.lastName')} autoComplete="family-name" error={errors.contactLastName?.message} {...register('contactLastName')} />
                <TextField
                  label={t('network.apply.email')}
                  type="email"
                  autoComplete="email"
                  error={errors.email?.message}
                  {...register('email', { required: t('validation.required'), pattern: { value: EMAIL_PATTERN, message: t('validation.email') } })}
                />
                <TextField
                  label={t('network.apply.phone')}
                  type="tel"
                  autoComplete="tel"
                  error={errors.phone?.message}
                  {...register('phone', { validate: (value) => !value.trim() || PHONE_PATTERN.test(value.trim()) || t('validation.phone') })}
                />
                <TextArea className="net-form__wide" label={t('network.apply.comment')} error={errors.comment?.message} {...register('comment')} />
              </fieldset>
              <div className="net-form__actions">
                <Button type="submit" variant="primary" busy={isSubmitting}>
                  {t('network.apply.submit')}
                </Button>
                <Link to="/sign-in">{t('network.apply.toSignIn')}</Link>
              </div>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
