import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ManageReceivablesExportDocument, type ReceivablesFilterInput, type ReceivablesSortInput } from '../../gql/graphql';
import { SignedDownloadButton } from '../../ui/SignedDownloadButton';
import { startDownload } from '../prices/PriceListDownload';

/** «Выгрузить в Excel»: the monitor as filtered and sorted on screen. */
export function ReceivablesExportButton({
  filter,
  sort,
  download = startDownload,
}: {
  filter: ReceivablesFilterInput;
  sort: ReceivablesSortInput;
  download?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const [, sign] = useMutation(ManageReceivablesExportDocument);
  return (
    <SignedDownloadButton
      label={t('creditManage.receivables.export')}
      download={download}
      sign={async (language) => {
        const result = await sign({ filter, sort, language });
        return { error: result.error, payload: result.data?.receivablesExport };
      }}
    />
  );
}
