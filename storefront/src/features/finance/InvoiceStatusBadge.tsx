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

/**
 * An invoice's payment status; one past its due date says by how many days (a partly paid
 * invoice may be late too: the API gives its days then, and the status stays PARTIALLY_PAID).
 */
export function InvoiceStatusBadge({ status, overdueDays }: { status: InvoiceStatus; overdueDays?: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const late = isOpen(status) && Boolean(overdueDays);
  const days = overdueDays ?? 0;
  return (
    <span className="finance-status">
      <Badge tone={late ? 'warning' : TONES[status]}>{status === 'OVERDUE' && late ? t('finance.status.overdueDays', { count: days, formatted: format.number(days) }) : t(`finance.status.${status}`)}</Badge>
      {status !== 'OVERDUE' && late && <Badge tone="warning">{t('finance.status.overdueDays', { count: days, formatted: format.number(days) })}</Badge>}
    </span>
  );
}

/** Open invoices may still be paid: unpaid, partly paid or overdue. */
export function isOpen(status: InvoiceStatus): boolean {
  return status === 'UNPAID' || status === 'PARTIALLY_PAID' || status === 'OVERDUE';
}
