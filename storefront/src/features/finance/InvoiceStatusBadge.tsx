import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Badge } from '../../ui';

const TONES: Record<InvoiceStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  UNPAID: 'info',
  PARTIALLY_PAID: 'info',
  PAID: 'success',
  OVERDUE: 'warning',
  CANCELLED: 'neutral',
};

export const INVOICE_STATUSES = Object.keys(TONES) as InvoiceStatus[];

/** An invoice's payment status; an overdue one says by how many days. */
export function InvoiceStatusBadge({ status, overdueDays }: { status: InvoiceStatus; overdueDays?: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Badge tone={TONES[status]}>
      {status === 'OVERDUE' && overdueDays ? t('finance.status.overdueDays', { count: overdueDays, formatted: format.number(overdueDays) }) : t(`finance.status.${status}`)}
    </Badge>
  );
}

/** Open invoices may still be paid: unpaid, partly paid or overdue. */
export function isOpen(status: InvoiceStatus): boolean {
  return status === 'UNPAID' || status === 'PARTIALLY_PAID' || status === 'OVERDUE';
}
