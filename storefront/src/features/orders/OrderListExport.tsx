import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { OrderListExportDocument, type OrderFilterInput, type OrderSortInput } from '../../gql/graphql';
import { SignedDownloadButton } from '../../ui/SignedDownloadButton';
import { startDownload } from '../prices/PriceListDownload';

/** «Выгрузить в Excel»: the list as filtered and sorted on screen, as a workbook. */
export function OrderListExport({
  filter,
  sort,
  download = startDownload,
}: {
  filter: OrderFilterInput;
  sort: OrderSortInput;
  download?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const [, sign] = useMutation(OrderListExportDocument);
  return (
    <SignedDownloadButton
      label={t('orders.export.button')}
      download={download}
      sign={async (language) => {
        const result = await sign({ filter, sort, language });
        return { error: result.error, payload: result.data?.orderListExport };
      }}
    />
  );
}
