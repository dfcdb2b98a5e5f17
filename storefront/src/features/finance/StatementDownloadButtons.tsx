import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { StatementDownloadLinkDocument, type DocumentFormat } from '../../gql/graphql';
import { Button } from '../../ui';
import { startDownload } from '../prices/PriceListDownload';
import { CreditProblems } from './CreditProblems';

/** «Скачать PDF» / «Скачать Excel»: the statement for the period through a signed, short-lived link. */
export function StatementDownloadButtons({
  account,
  from,
  to,
  disabled,
  download = startDownload,
}: {
  account: string;
  from: string;
  to: string;
  disabled: boolean;
  download?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const [, sign] = useMutation(StatementDownloadLinkDocument);
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const fetchAs = async (format: DocumentFormat) => {
    setBusy(format);
    setProblems([]);
    const result = await sign({ account, from, to, format });
    setBusy(null);
    const payload = result.data?.statementDownload;
    if (result.error) setProblems([problemOf(result.error)]);
    else if (payload?.url) download(payload.url);
    else setProblems((payload?.errors ?? []).map((error) => ({ code: error.code, detail: error.message })));
  };

  return (
    <div className="finance-stack">
      <CreditProblems problems={problems} />
      <div className="finance-form__actions">
        <Button variant="primary" busy={busy === 'PDF'} disabled={disabled || busy !== null} onClick={() => void fetchAs('PDF')}>
          {t('creditManage.statements.download.pdf')}
        </Button>
        <Button busy={busy === 'XLSX'} disabled={disabled || busy !== null} onClick={() => void fetchAs('XLSX')}>
          {t('creditManage.statements.download.xlsx')}
        </Button>
      </div>
    </div>
  );
}
