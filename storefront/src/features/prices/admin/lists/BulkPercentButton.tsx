import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PriceListChangeByPercentDocument, type PriceListErrorFieldsFragment, type PriceListSettingsFragment, type PriceRounding } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button, Dialog, SelectField, TextField } from '../../../../ui';
import { PriceRulesErrors } from '../PriceRulesErrors';

/** "+5", "-3,5" as the API's decimal ("5", "-3.5"); null when it is no number or zero. */
export function parsePercent(text: string): string | null {
  const compact = text.replace(/[\s\u00a0%]/g, '').replace(',', '.').replace('−', '-');
  if (!/^[+-]?\d+(\.\d+)?$/.test(compact)) return null;
  const value = compact.replace(/^\+/, '');
  return Number(value) === 0 ? null : value;
}

/**
 * "Change prices by %": over the whole list or the entries the search finds; a second step
 * says how many prices change before anything is sent. A MAP floor refusal lists its SKUs.
 */
export function BulkPercentButton({
  list,
  search,
  matching,
  onChanged,
}: {
  list: PriceListSettingsFragment;
  /** The entries' current search ('' for none). */
  search: string;
  /** How many entries the search finds (undefined while there is none or it loads). */
  matching: number | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [percentText, setPercentText] = useState('');
  const [rounding, setRounding] = useState<PriceRounding>('CENT');
  const [scope, setScope] = useState<'all' | 'search'>('all');
  const [confirming, setConfirming] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [errors, setErrors] = useState<PriceListErrorFieldsFragment[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, change] = useMutation(PriceListChangeByPercentDocument);
  const percent = parsePercent(percentText);
  const bySearch = scope === 'search' && search !== '';
  const count = bySearch ? (matching ?? 0) : list.entryCount;

  const close = () => {
    setOpen(false);
    setConfirming(false);
    setErrors([]);
  };
  const onContinue = () => {
    setInvalid(percent === null);
    if (percent !== null) setConfirming(true);
  };
  const onApply = async () => {
    if (percent === null) return;
    setErrors([]);
    const result = await change(
      { priceList: list.id, percent, rounding, search: bySearch ? search : null },
      { additionalTypenames: ['PriceListEntry'] },
    );
    const answer = result.data?.priceListEntriesChangeByPercent;
    if (answer?.priceList) {
      setDone(t('prices.admin.entries.bulk.done', { count, n: format.number(count), percent: format.percent(percent) }));
      close();
      onChanged();
    } else {
      setConfirming(false);
      if (result.error) setErrors([{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }]);
      else setErrors(answer?.errors ?? []);
    }
  };

  return (
    <>
      <Button
        onClick={() => {
          setDone(null);
          setScope(search ? 'search' : 'all');
          setOpen(true);
        }}
      >
        {t('prices.admin.entries.bulk.open')}
      </Button>
      {done && <Alert tone="success">{done}</Alert>}
      <Dialog
        open={open}
        title={t('prices.admin.entries.bulk.title')}
        onClose={close}
        footer={
          confirming ? (
            <>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {t('prices.admin.entries.bulk.back')}
              </Button>
              <Button variant="primary" busy={fetching} onClick={() => void onApply()}>
                {t('prices.admin.entries.bulk.apply', { count, n: format.number(count) })}
              </Button>
            </>
          ) : (
            <>
              <Button variant="ghost" onClick={close}>
                {t('prices.admin.lists.cancel')}
              </Button>
              <Button variant="primary" disabled={count === 0} onClick={onContinue}>
                {t('prices.admin.entries.bulk.continue')}
              </Button>
            </>
          )
        }
      >
        {confirming && percent !== null ? (
          <p className="price-confirm" role="status">
            {t('prices.admin.entries.bulk.confirm', { count, n: format.number(count), percent: format.percent(percent), rounding: t(`prices.admin.lists.rounding.${rounding}`) })}
          </p>
        ) : (
          <div className="price-form">
            <TextField
              label={t('prices.admin.entries.bulk.percent')}
              inputMode="decimal"
              hint={t('prices.admin.entries.bulk.percentHint')}
              value={percentText}
              error={invalid ? t('prices.admin.entries.bulk.badPercent') : errors.find((e) => e.field === 'percent')?.message}
              onChange={(event) => setPercentText(event.target.value)}
            />
            <SelectField
              label={t('prices.admin.lists.form.rounding')}
              value={rounding}
              onChange={(event) => setRounding(event.target.value as PriceRounding)}
              options={(['CENT', 'WHOLE'] as const).map((r) => ({ value: r, label: t(`prices.admin.lists.rounding.${r}`) }))}
            />
            {search && (
              <fieldset className="price-form__group">
                <legend>{t('prices.admin.entries.bulk.scope')}</legend>
                <label className="price-radio">
                  <input type="radio" name="bulk-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
                  {t('prices.admin.entries.bulk.all', { count: list.entryCount, n: format.number(list.entryCount) })}
                </label>
                <label className="price-radio">
                  <input type="radio" name="bulk-scope" checked={scope === 'search'} onChange={() => setScope('search')} />
                  {t('prices.admin.entries.bulk.found', { count: matching ?? 0, n: format.number(matching ?? 0), search })}
                </label>
              </fieldset>
            )}
          </div>
        )}
        <PriceRulesErrors errors={errors.filter((e) => e.field !== 'percent')} />
      </Dialog>
    </>
  );
}
