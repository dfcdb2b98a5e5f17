import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFileColumnsInput } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';
import { Alert, Button, Dialog, SelectField, TextField } from '../../../ui';
import { assign, columnLetter, initialMapping, roleOf, ROLES, toColumnsInput, type Role, type UploadedFile } from './mapping';

const PREVIEW_ROWS = 3;

/**
 * Which column of the order file holds what: the sheet, the header row, then one select per
 * column (SKU, quantity, name, unit, price or skip) named by its header and showing the first
 * rows under it. The API's guess, or the organization's mapping remembered from an earlier
 * file, comes preselected. A list of selects, so it reads the same on a phone.
 */
export function ColumnMappingDialog({
  file,
  busy,
  problem,
  onApply,
  onClose,
}: {
  file: UploadedFile;
  busy: boolean;
  problem: string | null;
  onApply: (columns: OrderFileColumnsInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState(() => initialMapping(file));
  const [headerText, setHeaderText] = useState(String(mapping.headerRow));
  const [missing, setMissing] = useState<string | null>(null);
  const sheet = file.sheets.find((s) => s.index === mapping.sheet) ?? file.sheets[0];
  const remembered = file.columnsRemembered && mapping.sheet === file.columns.sheet;
  const width = Math.max(sheet?.headers.length ?? 0, ...(sheet?.preview ?? []).map((row) => row.length));

  function apply() {
    const columns = toColumnsInput(mapping);
    if ('missing' in columns) {
      setMissing(t('orderFile.mapping.missing', { columns: columns.missing.map((role) => t(`orderFile.roles.${role}`)).join(', ') }));
      return;
    }
    setMissing(null);
    onApply(columns);
  }

  return (
    <Dialog
      open
      title={t('orderFile.mapping.title', { file: file.filename })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('orderFile.cancel')}</Button>
          <Button variant="primary" busy={busy} onClick={apply} data-testid="order-file-apply">
            {t('orderFile.mapping.apply')}
          </Button>
        </>
      }
    >
      <div className="mapping" data-testid="column-mapping">
        {remembered && <Alert tone="info">{t('orderFile.mapping.remembered')}</Alert>}
        {file.sheets.length > 1 && (
          <SelectField
            label={t('orderFile.mapping.sheet')}
            value={String(mapping.sheet)}
            options={file.sheets.map((s) => ({ value: String(s.index), label: t('orderFile.mapping.sheetOption', { name: s.name, count: s.rowCount, formatted: format.number(s.rowCount) }) }))}
            onChange={(event) => {
              const next = initialMapping(file, Number(event.target.value));
              setMapping(next);
              setHeaderText(String(next.headerRow));
            }}
          />
        )}
        <TextField
          label={t('orderFile.mapping.headerRow')}
          inputMode="numeric"
          value={headerText}
          onChange={(event) => {
            setHeaderText(event.target.value);
            const row = Number(event.target.value);
            if (Number.isInteger(row) && row >= 0) setMapping({ ...mapping, headerRow: row });
          }}
        />
        <ol className="mapping__columns">
          {Array.from({ length: width }, (_, column) => {
            const header = sheet?.headers[column]?.trim() || t('orderFile.mapping.column', { letter: columnLetter(column) });
            const samples = (sheet?.preview ?? []).slice(0, PREVIEW_ROWS).map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
            const role = roleOf(mapping, column);
            return (
              <li key={column} className={`mapping__column${role === 'skip' ? ' mapping__column--skipped' : ''}`} data-testid="mapping-column">
                <SelectField
                  label={
                    <>
                      <span className="mapping__letter">{columnLetter(column)}</span> {header}
                    </>
                  }
                  value={role}
                  options={ROLES.map((value) => ({ value, label: t(`orderFile.roles.${value}`) }))}
                  hint={samples.length > 0 ? t('orderFile.mapping.samples', { values: samples.join(' · ') }) : t('orderFile.mapping.noSamples')}
                  onChange={(event) => setMapping(assign(mapping, column, event.target.value as Role))}
                />
              </li>
            );
          })}
        </ol>
        {(missing ?? problem) && (
          <p className="mapping__problem" role="alert">
            {missing ?? problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
