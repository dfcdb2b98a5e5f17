import { useTranslation } from 'react-i18next';
import type { PriceAssignmentRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { targetOf } from './assignmentTarget';

/** "Организация «Подмосковный строитель»", "Все покупатели (по умолчанию)"… */
export function useTargetText() {
  const { t } = useTranslation();
  return (row: PriceAssignmentRowFragment) => {
    const target = targetOf(row);
    return target.name === null ? t('prices.admin.assignments.kinds.ownerDefault') : t(`prices.admin.assignments.targetText.${target.kind as 'organization'}`, { name: target.name });
  };
}

/** The target in a table cell: its kind above its name (a group with its size). */
export function TargetCell({ row }: { row: PriceAssignmentRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const target = targetOf(row);
  return (
    <span className="price-audience__target">
      <span className="net-muted">{t(`prices.admin.assignments.kinds.${target.kind}`)}</span>
      {target.name !== null && <strong>{target.name}</strong>}
      {row.priceGroup && <span className="net-muted">{t('prices.admin.groups.memberCount', { count: row.priceGroup.memberCount, formatted: format.number(row.priceGroup.memberCount) })}</span>}
    </span>
  );
}
