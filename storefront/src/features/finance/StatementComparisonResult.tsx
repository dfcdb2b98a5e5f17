import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { StatementComparisonPollDocument, type StatementComparisonPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Alert, Badge, DataTable, Spinner } from '../../ui';
import { MoneyText } from './MoneyText';

type Line = StatementComparisonPartsFragment['lines'][number];
const column = createColumnHelper<Line & { id: string }>();

/** How often a PENDING comparison is asked again (the worker answers within a minute). */
export const COMPARISON_POLL_MS = 2000;

const TONE: Record<Line['status'], 'success' | 'warning' | 'info' | 'neutral'> = {
  MATCHED: 'success',
  MISSING_IN_LEDGER: 'warning',
  MISSING_IN_PARTNER: 'warning',
  AMOUNT_DIFFERS: 'info',
  DATE_DIFFERS: 'info',
};

/** The comparison as the API has it: asked again every two seconds while it is PENDING. */
export function StatementComparisonResult({ comparison: first }: { comparison: StatementComparisonPartsFragment }) {
  const [{ data }, reexecute] = useQuery({
    query: StatementComparisonPollDocument,
    variables: { id: first.id },
    pause: first.status !== 'PENDING',
    requestPolicy: 'network-only',
  });
  const polled = data?.node?.__typename === 'StatementComparison' ? data.node : null;
  const comparison = polled ?? first;
  const pending = comparison.status === 'PENDING';
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(() => reexecute({ requestPolicy: 'network-only' }), COMPARISON_POLL_MS);
    return () => window.clearInterval(timer);
  }, [pending, reexecute]);
  return <ComparisonView comparison={comparison} />;
}

function ComparisonView({ comparison }: { comparison: StatementComparisonPartsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useMemo(() => comparison.lines.map((line, i) => ({ ...line, id: String(i) })), [comparison.lines]);
  const columns = useMemo(
    () => [
      column.accessor('status', {
        header: t('creditManage.statements.result.status'),
        enableSorting: false,
        cell: ({ getValue }) => <Badge tone={TONE[getValue()]}>{t(`creditManage.statements.result.lineStatus.${getValue()}`)}</Badge>,
      }),
      column.accessor('date', {
        header: t('creditManage.statements.result.date'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="orders-cell-stack">
            <span className="net-nowrap">{row.original.date ? format.date(row.original.date) : '—'}</span>
            {row.original.partnerDate && row.original.partnerDate !== row.original.date && (
              <span className="net-muted net-nowrap">{t('creditManage.statements.result.partnerDate', { date: format.date(row.original.partnerDate) })}</span>
            )}
          </span>
        ),
      }),
      column.accessor('document', { header: t('creditManage.statements.result.document'), enableSorting: false }),
      column.accessor((row) => row.ours?.amount, {
        id: 'ours',
        header: t('creditManage.statements.result.ours'),
        enableSorting: false,
        meta: { align: 'end' },
        cell: ({ row }) => (row.original.ours ? <MoneyText money={row.original.ours} /> : '—'),
      }),
      column.accessor((row) => row.partners?.amount, {
        id: 'partners',
        header: t('creditManage.statements.result.partners'),
        enableSorting: false,
        meta: { align: 'end' },
        cell: ({ row }) => (row.original.partners ? <MoneyText money={row.original.partners} /> : '—'),
      }),
      column.accessor((row) => row.difference?.amount, {
        id: 'difference',
        header: t('creditManage.statements.result.difference'),
        enableSorting: false,
        meta: { align: 'end' },
        cell: ({ row }) => (row.original.difference && Number(row.original.difference.amount) !== 0 ? <MoneyText money={row.original.difference} strong /> : '—'),
      }),
    ],
    [t, format],
  );

  const differences = comparison.lines.filter((line) => line.status !== 'MATCHED').length;
  return (
    <section className="finance-stack" aria-labelledby="comparison-result" data-testid="comparison-result" data-status={comparison.status}>
      <div>
        <h3 id="comparison-result">{t('creditManage.statements.result.title')}</h3>
        <p className="net-muted">
          {t('creditManage.statements.result.period', { file: comparison.fileName, from: format.date(comparison.periodStart), to: format.date(comparison.periodEnd) })}
        </p>
      </div>
      {comparison.status === 'PENDING' && (
        <p role="status" className="finance-form__actions">
          <Spinner size="sm" decorative />
          {t('creditManage.statements.result.pending', { file: comparison.fileName })}
        </p>
      )}
      {comparison.status === 'FAILED' && <Alert tone="error">{t('creditManage.statements.result.failed', { error: comparison.error })}</Alert>}
      {comparison.status === 'DONE' &&
        (comparison.agrees ? (
          <Alert tone="success">{t('creditManage.statements.result.agrees')}</Alert>
        ) : (
          <Alert tone="warning">{t('creditManage.statements.result.disagrees', { count: differences, formatted: format.number(differences) })}</Alert>
        ))}
      {comparison.status === 'DONE' && rows.length > 0 && (
        <DataTable stackOnPhone caption={t('creditManage.statements.result.caption')} columns={columns} data={rows} getRowId={(row) => row.id} />
      )}
    </section>
  );
}
