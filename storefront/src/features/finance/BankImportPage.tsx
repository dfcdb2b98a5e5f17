import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { BankStatementsListDocument, type BankStatementPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import { BankRowsList } from './BankRowsList';
import { BankStatementUpload } from './BankStatementUpload';
import { ManageFrame } from './ManageFrame';

const column = createColumnHelper<BankStatementPartsFragment>();

/** `/finance/bank`: bank statements imported, their rows, the unmatched ones matched by hand. */
export default function BankImportPage() {
  const { t } = useTranslation();
  return (
    <ManageFrame title={t('creditManage.bank.title')}>
      <div className="finance-stack">
        <BankStatementUpload />
        <RecentStatements />
        <BankRowsList />
      </div>
    </ManageFrame>
  );
}

function RecentStatements() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data }] = useQuery({ query: BankStatementsListDocument, requestPolicy: 'cache-and-network' });
  const statements = (data?.bankStatements.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const columns = useMemo(
    () => [
      column.accessor('fileName', { header: t('creditManage.bank.recent.file'), enableSorting: false, cell: ({ getValue }) => <span className="finance-purpose">{getValue()}</span> }),
      column.accessor('createdAt', { header: t('creditManage.bank.recent.when'), enableSorting: false, cell: ({ getValue }) => <span className="net-nowrap">{format.dateTime(getValue())}</span> }),
      ...(['rowsTotal', 'matched', 'unmatched', 'duplicates'] as const).map((key) =>
        column.accessor(key, {
          header: t(`creditManage.bank.recent.${key === 'rowsTotal' ? 'rows' : key}`),
          enableSorting: false,
          meta: { align: 'end' },
          cell: ({ getValue }) => format.number(getValue()),
        }),
      ),
    ],
    [t, format],
  );
  if (statements.length === 0) return null;
  return (
    <section className="net-card finance-card" aria-labelledby="bank-recent">
      <h2 id="bank-recent">{t('creditManage.bank.recent.title')}</h2>
      <DataTable stackOnPhone caption={t('creditManage.bank.recent.caption')} columns={columns} data={statements} getRowId={(row) => row.id} />
    </section>
  );
}
