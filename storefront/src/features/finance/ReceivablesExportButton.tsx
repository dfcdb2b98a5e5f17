import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { ManageReceivablesExportDocument, type ReceivablesFilterInput, type ReceivablesSortInput } from '../../gql/graphql';
import { Button } from '../../ui';
import { startDownload } from '../prices/PriceListDownload';

/**
 * «Выгрузить в Excel»: the monitor as filtered and sorted on screen. The API signs a short-lived
 * link (a download cannot carry the Authorization header); the browser fetches it.
 */
export function ReceivablesExportButton({
  filter,
  sort,
  download = startDownload,
}: {
  filter: ReceivablesFilterInput;
  sort: ReceivablesSortInput;
  download?: (url: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [, sign] = useMutation(ManageReceivablesExportDocument);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onClick = async () => {
    setBusy(true);
    setProblem(null);
    const result = await sign({ filter, sort, language: i18n.language.startsWith('en') ? 'en' : 'ru' });
    setBusy(false);
    const payload = result.data?.receivablesExport;
    if (result.error) setProblem(problemOf(result.error));
    else if (payload?.url) download(payload.url);
    else {
      const [first] = payload?.errors ?? [];
      setProblem(first ? { code: first.code, detail: first.message } : { code: 'UNKNOWN', detail: '' });
    }
  };

  return (
    <div className="orders-export">
      <Button onClick={onClick} busy={busy}>
        {t('creditManage.receivables.export')}
      </Button>
      {problem && (
        <p className="orders-export__problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </div>
  );
}
