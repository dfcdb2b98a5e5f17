import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../../../api/errors';
import { PriceListExportDocument } from '../../../../gql/graphql';
import { Button } from '../../../../ui';
import { startDownload } from '../../PriceListDownload';

/** "Download xlsx": the list's workbook through a short-lived signed link. */
export function ExportButton({ listId, download = startDownload }: { listId: string; download?: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const [{ fetching }, sign] = useMutation(PriceListExportDocument);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const onClick = async () => {
    setProblem(null);
    const result = await sign({ priceList: listId, language: i18n.language.startsWith('en') ? 'en' : 'ru' });
    const payload = result.data?.priceListExport;
    if (result.error) setProblem(problemOf(result.error));
    else if (payload?.url) download(payload.url);
    else {
      const [first] = payload?.errors ?? [];
      setProblem(first ? { code: first.code, detail: first.message } : { code: 'UNKNOWN', detail: '' });
    }
  };
  return (
    <>
      <Button onClick={() => void onClick()} busy={fetching}>
        {t('prices.admin.import.download')}
      </Button>
      {problem && (
        <p className="ui-field__error" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </>
  );
}
