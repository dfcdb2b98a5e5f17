import { useTranslation } from 'react-i18next';
import type { PriceListRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Badge } from '../../../../ui';

/** A list's kind, and whether it is derived, the base list, or below a MAP floor. */
export function PriceListKindBadges({ list }: { list: Pick<PriceListRowFragment, 'kind' | 'isDerived' | 'isBase' | 'belowFloorSince'> }) {
  const { t } = useTranslation();
  return (
    <span className="price-badges">
      <Badge tone={list.kind === 'RESALE' ? 'info' : 'neutral'}>{t(`prices.admin.lists.kind.${list.kind}`)}</Badge>
      <Badge>{list.isDerived ? t('prices.admin.lists.derived') : t('prices.admin.lists.plain')}</Badge>
      {list.isBase && <Badge tone="success">{t('prices.admin.lists.base')}</Badge>}
      {list.belowFloorSince && <Badge tone="warning">{t('prices.admin.lists.belowFloor')}</Badge>}
    </span>
  );
}

/** "from 01.01.2026 to 31.12.2026", "always" and the open-ended halves. */
export function ValidityText({ from, until }: { from: string | null | undefined; until: string | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (from && until) return <>{t('prices.admin.lists.validity.between', { from: format.date(from), until: format.date(until) })}</>;
  if (from) return <>{t('prices.admin.lists.validity.from', { from: format.date(from) })}</>;
  if (until) return <>{t('prices.admin.lists.validity.until', { until: format.date(until) })}</>;
  return <>{t('prices.admin.lists.validity.always')}</>;
}
