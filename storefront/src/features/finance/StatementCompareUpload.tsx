import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { StatementCompareUploadDocument, type StatementColumnInput, type StatementComparisonPartsFragment } from '../../gql/graphql';
import { CreditProblems } from './CreditProblems';
import { StatementComparisonResult } from './StatementComparisonResult';
import { StatementMappingForm } from './StatementMappingForm';

/**
 * The partner's own statement (xlsx or CSV) compared with ours: uploaded once; when the API is
 * unsure of the columns it answers its guess, which the person confirms (the same file is sent
 * again with the mapping); then the comparison, asked again until it is done.
 */
export function StatementCompareUpload({ account, from, to, disabled }: { account: string; from: string; to: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [{ fetching }, compare] = useMutation(StatementCompareUploadDocument);
  const [file, setFile] = useState<File | null>(null);
  const [guess, setGuess] = useState<StatementColumnInput[] | null>(null);
  const [comparison, setComparison] = useState<StatementComparisonPartsFragment | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const send = async (chosen: File, mapping: StatementColumnInput[] | null) => {
    setProblems([]);
    setComparison(null);
    const result = await compare({ account, from, to, file: chosen, mapping });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.statementCompare;
    if (payload?.comparison) {
      setGuess(null);
      setComparison(payload.comparison);
      return;
    }
    // The guess comes back for confirmation (with MAPPING_REQUIRED, which the form itself explains).
    if (payload?.mapping?.length) {
      setGuess(payload.mapping.map(({ column, field }) => ({ column, field: field ?? null })));
      setProblems((payload.errors ?? []).filter((error) => error.code !== 'MAPPING_REQUIRED').map((error) => ({ code: error.code, detail: error.message })));
      return;
    }
    setProblems((payload?.errors ?? []).map((error) => ({ code: error.code, detail: error.message })));
  };

  const reset = () => {
    setGuess(null);
    setFile(null);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="finance-stack">
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="statement-file">
          {t('creditManage.statements.compare.file')}
        </label>
        <input
          ref={input}
          id="statement-file"
          className="ui-input"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={disabled || fetching}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setGuess(null);
            if (chosen) void send(chosen, null);
          }}
        />
      </div>
      {fetching && !guess && <p role="status">{t('creditManage.statements.compare.uploading')}</p>}
      <CreditProblems problems={problems} />
      {guess && file && <StatementMappingForm key={file.name} guess={guess} busy={fetching} onConfirm={(mapping) => void send(file, mapping)} onCancel={reset} />}
      {comparison && <StatementComparisonResult key={comparison.id} comparison={comparison} />}
    </div>
  );
}
