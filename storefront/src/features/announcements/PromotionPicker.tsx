import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AnnouncementPromotionOptionsDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { SelectField } from '../../ui';

/**
 * The publisher's running and future promotions, for a PROMOTION announcement to point at
 * (optional). `ownerId`: the organization whose promotions the viewer may list
 * (`promotionOwnerId`). A linked promotion that is no longer offered (ended) stays chosen.
 */
export function PromotionPicker({ ownerId, value, onChange, error }: { ownerId: string; value: string | null; onChange: (id: string | null) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result] = useQuery({ query: AnnouncementPromotionOptionsDocument, variables: { owner: ownerId } });
  const nodes = <T,>(edges: ({ node: T | null } | null)[] | undefined) => (edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const running = nodes(result.data?.running.edges);
  const future = nodes(result.data?.future.edges);
  const options = [
    { value: '', label: t('announcements.form.noPromotion') },
    ...running.map((p) => ({ value: p.id, label: t('announcements.form.promotionRunning', { name: p.name, ends: format.date(p.ends) }) })),
    ...future.map((p) => ({ value: p.id, label: t('announcements.form.promotionFuture', { name: p.name, starts: format.date(p.starts), ends: format.date(p.ends) }) })),
  ];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: t('announcements.form.promotionLinked') });
  const empty = result.data && running.length + future.length === 0;
  return (
    <SelectField
      label={t('announcements.form.promotion')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
      options={options}
      disabled={result.fetching && !result.data}
      hint={empty ? t('announcements.form.noPromotions') : t('announcements.form.promotionHint')}
      error={error}
      data-testid="promotion-picker"
    />
  );
}
