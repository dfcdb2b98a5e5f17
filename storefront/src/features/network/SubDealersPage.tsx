import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { SubDealerCreateDocument, SubDealersDocument, type SubDealerRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { applyFieldErrors, EMAIL_PATTERN } from '../../lib/formErrors';
import { useListParams } from '../../lib/useListParams';
import { usePagedQuery } from '../../lib/usePagedQuery';
import { Alert, Badge, Button, EmptyState, SearchToolbar, TextField } from '../../ui';
import { PagedList } from '../../ui/PagedList';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { countryCode, LocationFields, locationError, type LocationValues } from './apply/LocationFields';
import { innRule, useInnHint } from './innHint';
import { isValidKpp } from './inn';
import { NetworkPage } from './NetworkLayout';

const column = createColumnHelper<SubDealerRowFragment>();

export default function SubDealersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'q' });
  const subDealers = usePagedQuery(
    list,
    {
      query: SubDealersDocument,
      variables: { ...list.pageArgs, search: list.settledSearch || null },
      requestPolicy: 'cache-and-network',
    },
    (result) => result.subDealers,
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; email: string } | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('network.subDealers.columns.name'),
        cell: ({ row }) => (
          <span className="net-cell-stack">
            <strong>{row.original.name}</strong>
            <span className="net-muted">{row.original.legalName}</span>
          </span>
        ),
      }),
      column.accessor('inn', {
        header: t('network.subDealers.columns.inn'),
        cell: ({ row }) => `${row.original.inn}${row.original.kpp ? ` / ${row.original.kpp}` : ''}`,
      }),
      column.accessor('region', { header: t('network.subDealers.columns.region'), meta: { className: 'ui-col-wide' } }),
      column.accessor('status', {
        header: t('network.subDealers.columns.status'),
        cell: ({ getValue }) => (
          <Badge tone={getValue() === 'ACTIVE' ? 'success' : getValue() === 'PENDING' ? 'info' : 'warning'}>
            {t(`network.orgStatus.${getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('createdAt', {
        header: t('network.subDealers.columns.created'),
        meta: { className: 'ui-col-wide' },
        cell: ({ getValue }) => format.date(getValue()),
      }),
    ],
    [t, format],
  );

  return (
    <NetworkPage
      title={t('network.subDealers.title')}
      permission="MANAGE_SUB_DEALERS"
      actions={
        !creating && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('network.subDealers.create')}
          </Button>
        )
      }
    >
      {created && <Alert tone="success">{t('network.subDealers.created', created)}</Alert>}
      {creating && (
        <SubDealerForm
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreated(result);
            setCreating(false);
            subDealers.refresh();
          }}
        />
      )}
      <section className="net-card" aria-labelledby="sub-dealers-heading">
        <h2 id="sub-dealers-heading">{t('network.subDealers.listTitle')}</h2>
        <SearchToolbar
          label={t('network.subDealers.search')}
          placeholder={t('network.subDealers.searchPlaceholder')}
          value={list.search}
          onSearch={list.setSearch}
        />
        <PagedList
          list={list}
          result={subDealers}
          caption={t('network.subDealers.listTitle')}
          columns={columns}
          pagesLabel={t('network.subDealers.pages')}
          empty={<EmptyState title={list.search ? t('network.subDealers.emptyFiltered') : t('network.subDealers.empty')} />}
        />
      </section>
    </NetworkPage>
  );
}

interface SubDealerValues extends LocationValues {
  name: string;
  legalName: string;
  inn: string;
  kpp: string;
  address: string;
  adminEmail: string;
}

const FIELDS = ['name', 'legalName', 'inn', 'kpp', 'address', 'country', 'otherCountry', 'region', 'adminEmail'] as const;

function SubDealerForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (result: { name: string; email: string }) => void }) {
  const { t } = useTranslation();
  const [, create] = useMutation(SubDealerCreateDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const form = useForm<SubDealerValues>({
    defaultValues: { name: '', legalName: '', inn: '', kpp: '', address: '', country: 'RU', otherCountry: '', region: '', adminEmail: '' },
  });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const innHint = useInnHint(watch('inn'));
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };

  const onSubmit = async (values: SubDealerValues) => {
    setProblems([]);
    const result = await create({
      input: {
        name: values.name.trim(),
        legalName: values.legalName.trim(),
        inn: values.inn.replace(/\s+/g, ''),
        kpp: values.kpp.trim() || null,
        address: values.address.trim() || null,
        country: countryCode(values),
        region: values.region.trim(),
        adminEmail: values.adminEmail.trim(),
      },
    });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const payload = result.data?.subDealerCreate;
    if (payload?.errors.length) {
      const apiErrors = payload.errors.map((error) => locationError(error, values));
      setProblems(applyFieldErrors(t, apiErrors, FIELDS, setError));
      return;
    }
    onCreated({ name: payload?.organization?.name ?? values.name, email: payload?.invitation?.email ?? values.adminEmail });
  };

  return (
    <section className="net-card" aria-labelledby="sub-dealer-form-heading">
      <h2 id="sub-dealer-form-heading">{t('network.subDealers.createTitle')}</h2>
      <p className="net-muted">{t('network.subDealers.createLead')}</p>
      <ProblemAlerts problems={problems} />
      <form className="net-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField label={t('network.subDealers.fields.name')} error={errors.name?.message} {...register('name', required)} />
        <TextField label={t('network.subDealers.fields.legalName')} error={errors.legalName?.message} {...register('legalName', required)} />
        <TextField
          label={t('network.subDealers.fields.inn')}
          inputMode="numeric"
          autoComplete="off"
          hint={errors.inn ? undefined : innHint}
          error={errors.inn?.message}
          {...register('inn', innRule(t))}
        />
        <TextField
          label={t('network.subDealers.fields.kpp')}
          autoComplete="off"
          error={errors.kpp?.message}
          {...register('kpp', { validate: (value) => !value.trim() || isValidKpp(value) || t('validation.kpp') })}
        />
        <LocationFields form={form} regionHint={t('network.subDealers.fields.regionHint')} />
        <TextField className="net-form__wide" label={t('network.subDealers.fields.address')} error={errors.address?.message} {...register('address')} />
        <TextField
          label={t('network.subDealers.fields.adminEmail')}
          type="email"
          autoComplete="off"
          error={errors.adminEmail?.message}
          {...register('adminEmail', {
            required: t('validation.required'),
            pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
          })}
        />
        <div className="net-form__actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('network.subDealers.submit')}
          </Button>
          <Button onClick={onCancel}>{t('network.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
