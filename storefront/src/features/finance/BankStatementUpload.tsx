import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { BankStatementUploadDocument, type BankStatementPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert } from '../../ui';
import { CreditProblems } from './CreditProblems';

/**
 * The bank's statement file sent as it is; the API checks every row first (nothing is written
 * when one is bad: each bad row is said) and answers the counts of what it matched.
 */
export function BankStatementUpload() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ fetching }, upload] = useMutation(BankStatementUploadDocument);
  const [statement, setStatement] = useState<BankStatementPartsFragment | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const send = async (file: File) => {
    setProblems([]);
    setStatement(null);
    const result = await upload({ file });
    if (input.current) input.current.value = '';
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.bankStatementImport;
    if (payload?.statement) setStatement(payload.statement);
    else setProblems((payload?.errors ?? []).map((error) => ({ code: error.code, detail: error.message })));
  };
  const count = (key: 'rows' | 'matched' | 'unmatched' | 'duplicates', n: number) => t(`creditManage.bank.result.${key}`, { count: n, formatted: format.number(n) });

  return (
    <section className="net-card finance-card" aria-labelledby="bank-upload">
      <h2 id="bank-upload">{t('creditManage.bank.upload.title')}</h2>
      <div className="finance-stack">
        <p className="net-muted">{t('creditManage.bank.upload.text')}</p>
        <div className="ui-field">
          <label className="ui-field__label" htmlFor="bank-file">
            {t('creditManage.bank.upload.file')}
          </label>
          <input
            ref={input}
            id="bank-file"
            className="ui-input"
            type="file"
            accept=".txt,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={fetching}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void send(file);
            }}
          />
        </div>
        {fetching && <p role="status">{t('creditManage.bank.upload.uploading')}</p>}
        <CreditProblems problems={problems} />
        {statement && (
          <Alert tone={statement.unmatched > 0 ? 'warning' : 'success'} title={t('creditManage.bank.result.title', { file: statement.fileName })}>
            <ul className="finance-counts" data-testid="bank-result">
              <li>{count('rows', statement.rowsTotal)}</li>
              <li>{count('matched', statement.matched)}</li>
              <li>{count('unmatched', statement.unmatched)}</li>
              <li>{count('duplicates', statement.duplicates)}</li>
            </ul>
          </Alert>
        )}
      </div>
    </section>
  );
}
