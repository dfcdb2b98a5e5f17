import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedEntryPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { DataTable } from '../../ui';
import { MoneyText } from './MoneyText';

const column = createColumnHelper<ManagedEntryPartsFragment>();

/** The account's latest ledger entries: what moved the balance and why. */
export function AccountEntries({ entries }: { entries: ManagedEntryPartsFragment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('occurredOn', { header: t('creditManage.account.entries.date'), enableSorting: false, cell: ({ getValue }) => <span className="net-nowrap">{format.date(getValue())}</span> }),
      column.accessor('kind', { header: t('creditManage.account.entries.kind'), enableSorting: false, cell: ({ getValue }) => t(`creditManage.account.entries.kinds.${getValue()}`) }),
      column.accessor((row) => row.amount.amount, {
        id: 'amount',
        header: t('creditManage.account.entries.amount'),
        enableSorting: false,
        meta: { align: 'end' },
        cell: ({ row }) => <MoneyText money={row.original.amount} />,
      }),
      column.accessor('reason', {
        header: t('creditManage.account.entries.what'),
        enableSorting: false,
        cell: ({ getValue }) => getValue() || '—',
      }),
    ],
    [t, format],
  );
  return (
    <section className="net-card finance-card" aria-labelledby="account-entries">
      <h2 id="account-entries">{t('creditManage.account.entries.title')}</h2>
      {entries.length === 0 ? (
        <p className="net-muted">{t('creditManage.account.entries.empty')}</p>
      ) : (
        <DataTable stackOnPhone caption={t('creditManage.account.entries.caption')} columns={columns} data={entries} getRowId={(row) => row.id} />
      )}
    </section>
  );
}
