import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { ListParams } from '../../lib/useListParams';
import { Button, Checkbox, SearchToolbar, TextField } from '../../ui';
import { MODERATION_STATES, QUEUE_FILTER_KEYS, statesOf } from './queueParams';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The queue's search and filters, each kept in the URL (queueParams.ts); on a phone they fold
 * behind «Фильтры (N)» as the orders list's do.
 */
export function QueueFilters({ list, onClear }: { list: ListParams; onClear: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const { params, setFilter } = list;
  const active = QUEUE_FILTER_KEYS.filter((key) => params.get(key)).length;
  const states = statesOf(params);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const toggle = (state: string) =>
    setFilter('state', (states.includes(state as never) ? states.filter((s) => s !== state) : [...states, state]).join(','));

  return (
    <div className="orders-filters">
      <SearchToolbar label={t('moderation.search.label')} placeholder={t('moderation.search.placeholder')} value={list.search} onSearch={list.setSearch}>
        <Button className="orders-filters__toggle" aria-expanded={open} aria-controls="moderation-filter-panel" onClick={() => setOpen(!open)}>
          {active > 0 ? t('orders.filters.toggleCount', { count: active, formatted: format.number(active) }) : t('orders.filters.toggle')}
        </Button>
      </SearchToolbar>
      <div id="moderation-filter-panel" className={open ? 'orders-filters__panel orders-filters__panel--open' : 'orders-filters__panel'}>
        <fieldset className="orders-filters__group orders-filters__checks">
          <legend>{t('moderation.filters.states')}</legend>
          {MODERATION_STATES.map((state) => (
            <Checkbox key={state} label={t(`moderation.state.${state}`)} checked={states.includes(state)} onChange={() => toggle(state)} />
          ))}
        </fieldset>
        <fieldset className="orders-filters__group">
          <legend>{t('moderation.filters.submitted')}</legend>
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
        <fieldset className="orders-filters__group">
          <legend>{t('orders.filters.total')}</legend>
          <TextField inputMode="decimal" label={t('orders.filters.totalMin')} value={params.get('min') ?? ''} onChange={(event) => setFilter('min', event.target.value)} />
          <TextField inputMode="decimal" label={t('orders.filters.totalMax')} value={params.get('max') ?? ''} onChange={(event) => setFilter('max', event.target.value)} />
        </fieldset>
        <fieldset className="orders-filters__group orders-filters__checks">
          <legend>{t('moderation.filters.more')}</legend>
          <Checkbox label={t('moderation.filters.mine')} checked={params.get('mine') === '1'} onChange={(event) => setFilter('mine', event.target.checked ? '1' : '')} />
          <Checkbox
            label={t('moderation.filters.overCredit')}
            checked={params.get('credit') === '1'}
            onChange={(event) => setFilter('credit', event.target.checked ? '1' : '')}
          />
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
