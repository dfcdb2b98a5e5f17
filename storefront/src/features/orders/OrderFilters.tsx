import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { OrderFilterClientsDocument } from '../../gql/graphql';
import type { ListParams } from '../../lib/useListParams';
import { Button, Checkbox, SearchToolbar, SelectField, TextField } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import { FILTER_KEYS, ORDER_STATUSES, ORDER_TYPES, PAYMENT_STATUSES, paymentsOf, statusesOf } from './orderParams';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Toggles `value` in a comma-separated URL list. */
function toggled(list: string[], value: string): string {
  return (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]).join(',');
}

/**
 * The list's search and filters, each kept in the URL (orderParams.ts). On a phone the filters
 * fold behind «Фильтры (N)» so the first orders stay in the first screen.
 */
export function OrderFilters({ list, staff, onClear }: { list: ListParams; staff: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const [open, setOpen] = useState(false);
  const { params, setFilter } = list;
  const active = FILTER_KEYS.filter((key) => key !== 'subtree' && params.get(key)).length;
  const statuses = statusesOf(params);
  const payments = paymentsOf(params);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const org = params.get('org') ?? '';
  // Organizations besides the viewer's own: a dealer's sub-dealers, any client for staff.
  const [clients] = useQuery({ query: OrderFilterClientsDocument, variables: { search: null } });
  const others = (clients.data?.orderClients ?? []).filter((client) => client.organization.id !== organization?.id);

  return (
    <div className="orders-filters">
      <SearchToolbar
        label={t('orders.search.label')}
        placeholder={t('orders.search.placeholder')}
        value={list.search}
        onSearch={list.setSearch}
      >
        <Button className="orders-filters__toggle" aria-expanded={open} aria-controls="orders-filter-panel" onClick={() => setOpen(!open)}>
          {active > 0 ? t('orders.filters.toggleCount', { count: active }) : t('orders.filters.toggle')}
        </Button>
      </SearchToolbar>
      <div id="orders-filter-panel" className={open ? 'orders-filters__panel orders-filters__panel--open' : 'orders-filters__panel'}>
        <fieldset className="orders-filters__group">
          <legend>{t('orders.filters.period')}</legend>
          <TextField
            type="date"
            label={t('orders.filters.from')}
            value={DATE.test(from) ? from : ''}
            max={DATE.test(to) ? to : undefined}
            onChange={(event) => setFilter('from', event.target.value)}
          />
          <TextField
            type="date"
            label={t('orders.filters.to')}
            value={DATE.test(to) ? to : ''}
            min={DATE.test(from) ? from : undefined}
            onChange={(event) => setFilter('to', event.target.value)}
          />
        </fieldset>
        <SelectField
          label={t('orders.filters.placedBy')}
          value={params.get('by') === 'me' ? 'me' : ''}
          onChange={(event) => setFilter('by', event.target.value)}
          options={[
            { value: '', label: t('orders.filters.anyone') },
            { value: 'me', label: t('orders.filters.me') },
          ]}
        />
        {(staff || others.length > 0) && (
          <div className="orders-filters__org">
            <SelectField
              label={t('orders.filters.organization')}
              value={org}
              onChange={(event) => setFilter('org', event.target.value)}
              options={[
                { value: '', label: t(staff ? 'orders.filters.anyOrganization' : 'orders.filters.allMine') },
                ...(organization && !staff ? [{ value: organization.id, label: organization.name }] : []),
                ...others.map((client) => ({ value: client.organization.id, label: client.name })),
              ]}
            />
            {org && (
              <Checkbox
                label={t('orders.filters.withSubtree')}
                checked={params.get('subtree') !== '0'}
                onChange={(event) => setFilter('subtree', event.target.checked ? '' : '0')}
              />
            )}
          </div>
        )}
        <SelectField
          label={t('orders.filters.type')}
          value={params.get('type') ?? ''}
          onChange={(event) => setFilter('type', event.target.value)}
          options={[{ value: '', label: t('orders.filters.anyType') }, ...ORDER_TYPES.map((type) => ({ value: type, label: t(`orders.type.${type}`) }))]}
        />
        <fieldset className="orders-filters__group">
          <legend>{t('orders.filters.total')}</legend>
          <TextField
            inputMode="decimal"
            label={t('orders.filters.totalMin')}
            value={params.get('min') ?? ''}
            onChange={(event) => setFilter('min', event.target.value)}
          />
          <TextField
            inputMode="decimal"
            label={t('orders.filters.totalMax')}
            value={params.get('max') ?? ''}
            onChange={(event) => setFilter('max', event.target.value)}
          />
        </fieldset>
        <fieldset className="orders-filters__group orders-filters__checks">
          <legend>{t('orders.filters.status')}</legend>
          {ORDER_STATUSES.map((status) => (
            <Checkbox
              key={status}
              label={t(`orders.status.${status}`)}
              checked={statuses.includes(status)}
              onChange={() => setFilter('status', toggled(statuses, status))}
            />
          ))}
        </fieldset>
        <fieldset className="orders-filters__group orders-filters__checks">
          <legend>{t('orders.filters.payment')}</legend>
          {PAYMENT_STATUSES.map((status) => (
            <Checkbox
              key={status}
              label={t(`orders.payment.${status}`)}
              checked={payments.includes(status)}
              onChange={() => setFilter('pay', toggled(payments, status))}
            />
          ))}
        </fieldset>
        {(active > 0 || list.search) && (
          <Button variant="ghost" onClick={onClear}>
            {t('orders.filters.clear')}
          </Button>
        )}
      </div>
    </div>
  );
}
