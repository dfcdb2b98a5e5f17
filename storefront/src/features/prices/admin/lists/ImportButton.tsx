import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PriceListUploadDocument, type PriceListImportMode, type PriceListSettingsFragment, type PriceListUploadMutation } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button, Dialog, SelectField } from '../../../../ui';
import { describeProblem } from '../../../../api/errors';

type Report = NonNullable<PriceListUploadMutation['priceListImport']>;

/**
 * "Upload from Excel": a workbook checked first (a dry run: how many tiers it adds, changes
 * and removes, and every bad row), then applied with "Apply" only when nothing is wrong.
 */
export function ImportButton({ list, onApplied }: { list: PriceListSettingsFragment; onApplied: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<PriceListImportMode>('UPSERT');
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [applied, setApplied] = useState<Report | null>(null);
  const [{ fetching }, upload] = useMutation(PriceListUploadDocument);

  const reset = () => {
    setReport(null);
    setFailure(null);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    const result = await upload({ priceList: list.id, file, mode, dryRun }, { additionalTypenames: ['PriceListEntry', 'PriceList'] });
    const answer = result.data?.priceListImport;
    if (result.error || !answer) {
      setFailure(result.error?.message ?? t('errors.UNKNOWN'));
      return;
    }
    if (dryRun || !answer.applied) {
      setReport(answer);
      return;
    }
    setApplied(answer);
    setOpen(false);
    setFile(null);
    reset();
    onApplied();
  };

  return (
    <>
      <Button
        onClick={() => {
          setApplied(null);
          setOpen(true);
        }}
      >
        {t('prices.admin.import.open')}
      </Button>
      {applied && <Alert tone="success">{t('prices.admin.import.applied', { count: applied.rows ?? 0, n: format.number(applied.rows ?? 0) })}</Alert>}
      <Dialog
        open={open}
        title={t('prices.admin.import.title', { name: list.name })}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('prices.admin.lists.cancel')}
            </Button>
            {report && report.errors.length === 0 ? (
              <Button variant="primary" busy={fetching} onClick={() => void send(false)}>
                {t('prices.admin.import.apply')}
              </Button>
            ) : (
              <Button variant="primary" busy={fetching} disabled={!file} onClick={() => void send(true)}>
                {t('prices.admin.import.check')}
              </Button>
            )}
          </>
        }
      >
        <div className="price-form">
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="price-import-file">
              {t('prices.admin.import.file')}
            </label>
            <input
              id="price-import-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                reset();
              }}
            />
            <p className="ui-field__hint">{t('prices.admin.import.fileHint')}</p>
          </div>
          <SelectField
            label={t('prices.admin.import.mode')}
            value={mode}
            hint={t(`prices.admin.import.modeHint.${mode}`)}
            onChange={(event) => {
              setMode(event.target.value as PriceListImportMode);
              reset();
            }}
            options={(['UPSERT', 'REPLACE'] as const).map((m) => ({ value: m, label: t(`prices.admin.import.modes.${m}`) }))}
          />
          {failure && <Alert tone="error">{failure}</Alert>}
          {report && <ImportReport report={report} />}
        </div>
      </Dialog>
    </>
  );
}

/** A dry run's answer: the counts, or every bad row with its number, SKU and message. */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (report.errors.length === 0) {
    return (
      <Alert tone="info" title={t('prices.admin.import.checked', { count: report.rows ?? 0, n: format.number(report.rows ?? 0) })}>
        <ul className="price-import__counts">
          <li>{t('prices.admin.import.added', { count: report.added ?? 0, n: format.number(report.added ?? 0) })}</li>
          <li>{t('prices.admin.import.changed', { count: report.changed ?? 0, n: format.number(report.changed ?? 0) })}</li>
          <li>{t('prices.admin.import.removed', { count: report.removed ?? 0, n: format.number(report.removed ?? 0) })}</li>
        </ul>
      </Alert>
    );
  }
  return (
    <div role="alert" className="price-import__errors">
      <p className="ui-alert__title">{t('prices.admin.import.refused', { count: report.errors.length, n: format.number(report.errors.length) })}</p>
      <div className="ui-table-wrap">
        <table className="ui-table ui-table--stack">
          <caption className="ui-visually-hidden">{t('prices.admin.import.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prices.admin.import.row')}</th>
              <th scope="col">{t('prices.admin.import.sku')}</th>
              <th scope="col">{t('prices.admin.import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error, index) => (
              <tr key={index}>
                <td data-label={t('prices.admin.import.row')}>{error.row ? format.number(error.row) : '—'}</td>
                <td data-label={t('prices.admin.import.sku')}>{error.skus?.join(', ') || '—'}</td>
                <td data-label={t('prices.admin.import.message')}>
                  {describeProblem(t, { code: error.code, detail: error.message })}
                  {error.message && <span className="net-muted"> {error.message}</span>}
                  {error.column && <span className="net-muted"> ({t(`prices.admin.import.columns.${error.column as 'sku'}`, { defaultValue: error.column })})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
