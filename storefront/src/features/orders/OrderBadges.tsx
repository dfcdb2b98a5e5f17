import { useTranslation } from 'react-i18next';
import type { OrderStatus, PaymentStatus } from '../../gql/graphql';
import { Badge } from '../../ui';

const STATUS_TONE: Record<OrderStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  AWAITING_APPROVAL: 'warning',
  PLACED: 'success',
  REJECTED: 'neutral',
  CANCELLED: 'neutral',
};
const PAYMENT_TONE: Record<PaymentStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  UNPAID: 'neutral',
  PARTIALLY_PAID: 'info',
  PAID: 'success',
  OVERDUE: 'warning',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`orders.status.${status}`)}</Badge>;
}

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return <Badge tone={PAYMENT_TONE[status]}>{t(`orders.payment.${status}`)}</Badge>;
}

/** «Только просмотр»: an order of an organization below the viewer's (a sub-dealer's). */
export function ReadOnlyBadge() {
  const { t } = useTranslation();
  return (
    <span className="orders-readonly" title={t('orders.readOnlyHint')}>
      {t('orders.readOnly')}
    </span>
  );
}
