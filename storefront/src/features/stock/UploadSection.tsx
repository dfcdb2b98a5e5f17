import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, isKnownErrorCode } from '../../api/errors';
import { StockUploadDocument, type InventoryErrorPartsFragment, type StockUploadMutation, type WarehouseRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Button, Checkbox } from '../../ui';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';
import { answerErrors } from './answers';

type Answer = NonNullable<StockUploadMutation['stockUpload']>;
type Result = NonNullable<Answer['result']>;

/**
 * «Загрузка xlsx»: the workbook is checked first (a dry run: how many SKUs are added, changed,
 * unchanged and zeroed, or every bad row), then applied with «Применить» only when nothing is
 * wrong; all or nothing, as the API applies it.
 */
export function UploadSection({ warehouse }: { warehouse: WarehouseRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [full, setFull] = useState(false);
  const [checked, setChecked] = useState<Answer | null>(null);
  const [applied, setApplied] = useState<Result | null>(null);
  const [refusals, setRefusals] = useState<InventoryErrorPartsFragment[]>([]);
  const [{ fetching }, upload] = useMutation(StockUploadDocument);

  const reset = () => {
    setChecked(null);
    setRefusals([]);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setRefusals([]);
    const result = await upload({ warehouse: warehouse.id, file, dryRun, full }, { additionalTypenames: ['StockItem', 'StockMovement'] });
    const answer = result.data?.stockUpload;
    const errors = answerErrors(result.error, answer?.errors);
    if (answer && answer.rowErrors.length > 0) {
      // The bad rows' table says it all; the API's summary of them (UPLOAD_INVALID) would repeat it.
      setRefusals(errors.filter((error) => error.code !== 'UPLOAD_INVALID'));
      setChecked(answer);
      return;
    }
    if (!answer || errors.length > 0) {
      setRefusals(errors);
      setChecked(null);
      return;
    }
    if (!dryRun && answer.result?.applied) {
      setApplied(answer.result);
      setChecked(null);
      setFile(null);
      return;
    }
    setChecked(answer);
  };
  const clean = checked !== null && checked.rowErrors.length === 0 && checked.result !== null;

  return (
    <section className="net-card stock-form" aria-labelledby="stock-upload-heading">
      <h2 id="stock-upload-heading">
        {t('stockAdmin.upload.title')}
      </h2>
      <p>{t('stockAdmin.upload.intro')}</p>
      {applied && (
        <Alert tone="success" title={t('stockAdmin.upload.applied', { count: applied.rows, n: format.number(applied.rows) })}>
          <UploadCounts result={applied} />
          <p>
            <Link to="?tab=movements">{t('stockAdmin.upload.toMovements')}</Link>
          </p>
        </Alert>
      )}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="stock-upload-file">
          {t('stockAdmin.upload.file')}
        </label>
        <input
          id="stock-upload-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setApplied(null);
            reset();
          }}
        />
        <p className="ui-field__hint">{t('stockAdmin.upload.fileHint')}</p>
      </div>
      <div className="ui-field">
        <Checkbox
          label={t('stockAdmin.upload.full')}
          checked={full}
          aria-describedby="stock-upload-full-hint"
          onChange={(event) => {
            setFull(event.target.checked);
            reset();
          }}
        />
        <p id="stock-upload-full-hint" className="ui-field__hint">
          {t('stockAdmin.upload.fullHint')}
        </p>
      </div>
      <PriceRulesErrors errors={refusals} />
      {checked && <UploadReport answer={checked} />}
      <div className="stock-form__actions">
        {clean ? (
          <Button variant="primary" busy={fetching} onClick={() => void send(false)}>
            {t('stockAdmin.upload.apply')}
          </Button>
        ) : (
          <Button variant="primary" busy={fetching} disabled={!file} onClick={() => void send(true)}>
            {t('stockAdmin.upload.check')}
          </Button>
        )}
      </div>
    </section>
  );
}

function UploadCounts({ result }: { result: Result }) {
  const { t } = useTranslation();
  const format = useFormat();
  const line = (key: 'added' | 'changed' | 'unchanged' | 'zeroed') => t(`stockAdmin.upload.${key}`, { count: result[key], n: format.number(result[key]) });
  return (
    <ul className="stock-upload__counts">
      <li>{line('added')}</li>
      <li>{line('changed')}</li>
      <li>{line('unchanged')}</li>
      {result.zeroed > 0 && <li>{line('zeroed')}</li>}
    </ul>
  );
}

/** A dry run's answer: the counts, or every bad row with its number, column, code and message. */
export function UploadReport({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (answer.rowErrors.length === 0 && answer.result) {
    return (
      <Alert tone="info" title={t('stockAdmin.upload.checked', { count: answer.result.rows, n: format.number(answer.result.rows) })}>
        <UploadCounts result={answer.result} />
      </Alert>
    );
  }
  const count = answer.rowErrors.length;
  return (
    <div role="alert" className="stock-upload__errors">
      <p className="ui-alert__title">{t('stockAdmin.upload.refused', { count, n: format.number(count) })}</p>
      <div className="ui-table-wrap">
        <table className="ui-table ui-table--stack">
          <caption className="ui-visually-hidden">{t('stockAdmin.upload.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.upload.row')}</th>
              <th scope="col">{t('stockAdmin.upload.column')}</th>
              <th scope="col">{t('stockAdmin.upload.value')}</th>
              <th scope="col">{t('stockAdmin.upload.message')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.rowErrors.map((error, index) => (
              <tr key={index}>
                <td data-label={t('stockAdmin.upload.row')}>{format.number(error.row)}</td>
                <td data-label={t('stockAdmin.upload.column')}>{error.column || '—'}</td>
                <td data-label={t('stockAdmin.upload.value')}>{error.value || '—'}</td>
                <td data-label={t('stockAdmin.upload.message')}>
                  {describeProblem(t, { code: error.code, detail: error.message })}
                  {isKnownErrorCode(error.code) && error.message && <span className="net-muted"> {error.message}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
