/** How a promotion reads in a list: its discount, its audience, its stacking policy. */
import type { TFunction } from 'i18next';
import type { PromotionRowFragment } from '../../../../gql/graphql';
import type { useFormat } from '../../../../i18n/useFormat';

type Format = ReturnType<typeof useFormat>;

/** "−10 %" or "−150,00 ₽". */
export function discountText(format: Format, promotion: Pick<PromotionRowFragment, 'kind' | 'value' | 'currency'>): string {
  const amount =
    promotion.kind === 'PERCENT' ? format.percent(promotion.value) : format.money(promotion.value, promotion.currency || 'RUB');
  return `\u2212${amount}`;
}

/** The names a promotion reaches (organizations, groups, regions), or everyone. */
export function audienceText(t: TFunction, promotion: Pick<PromotionRowFragment, 'audienceOrganizations' | 'audiencePriceGroups' | 'audienceRegions'>): string {
  const names = [
    ...promotion.audienceOrganizations.map((o) => o.name),
    ...promotion.audiencePriceGroups.map((g) => g.name),
    ...promotion.audienceRegions,
  ];
  if (names.length === 0) return t('prices.admin.promotions.audienceEveryone');
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? t('prices.admin.promotions.audienceMore', { names: shown, count: names.length - 3 }) : shown;
}
