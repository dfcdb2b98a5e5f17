import { useTranslation } from 'react-i18next';
import type { ModerationState } from '../../gql/graphql';
import { Badge } from '../../ui';

const TONE: Record<ModerationState, 'neutral' | 'info' | 'success' | 'warning'> = {
  SUBMITTED: 'warning',
  ON_MODERATION: 'info',
  AWAITING_BUYER: 'info',
  CONFIRMED: 'success',
  REJECTED: 'neutral',
  CANCELLED: 'neutral',
};

export function ModerationBadge({ state }: { state: ModerationState }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[state]}>{t(`moderation.state.${state}`)}</Badge>;
}

export function OverCreditBadge() {
  const { t } = useTranslation();
  return <Badge tone="warning">{t('moderation.overCredit')}</Badge>;
}
