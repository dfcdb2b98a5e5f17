import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PromotionForEditDocument } from '../../../../gql/graphql';
import { EmptyState, ErrorState, Skeleton } from '../../../../ui';
import { useViewer } from '../../../auth/ViewerProvider';
import { PricesPage } from '../PricesPage';
import { useRuleOwner } from '../ruleOwner';
import type { PriceManagement } from '../access';
import { PromotionForm, newDraft, trimZeros, type Draft } from './PromotionForm';

/** `/prices/promotions/new` and `/prices/promotions/:id`: a promotion's form. */
export default function PromotionEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <PricesPage section="promotions" title={id ? t('prices.admin.promotions.editTitle') : t('prices.admin.promotions.createTitle')}>
      {(management) => <LoadedPromotion id={id ?? null} management={management} />}
    </PricesPage>
  );
}

function LoadedPromotion({ id, management }: { id: string | null; management: PriceManagement }) {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const owner = useRuleOwner(management);
  const [loaded, reload] = useQuery({ query: PromotionForEditDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const back = (
    <Link to="/prices/promotions" className="back-link">
      ← {t('prices.admin.promotions.title')}
    </Link>
  );
  if (!id) {
    return (
      <>
        {back}
        <PromotionForm id={null} initial={newDraft(organization?.currency ?? 'RUB')} editable={management.canEdit} />
      </>
    );
  }
  if (loaded.error && !loaded.data) return <ErrorState error={loaded.error} onRetry={() => reload({ requestPolicy: 'network-only' })} />;
  if (!loaded.data) return <Skeleton height="20em" />;
  const promotion = loaded.data.node?.__typename === 'Promotion' ? loaded.data.node : null;
  if (!promotion) {
    return <EmptyState title={t('prices.admin.promotions.notFound')} action={<Link to="/prices/promotions">{t('prices.admin.promotions.title')}</Link>} />;
  }
  const initial: Draft = {
    name: promotion.name,
    kind: promotion.kind,
    value: trimZeros(promotion.value),
    currency: promotion.currency || organization?.currency || 'RUB',
    stacking: promotion.stacking,
    starts: promotion.starts,
    ends: promotion.ends,
    targets: {
      variants: promotion.variants.map((v) => ({ id: v.id, sku: v.sku, name: v.name, productName: v.product.name })),
      products: promotion.products,
      categories: promotion.categories,
    },
    audience: {
      organizations: promotion.audienceOrganizations,
      priceGroupIds: promotion.audiencePriceGroups.map((g) => g.id),
      regions: promotion.audienceRegions,
    },
  };
  // Another owner's promotion (staff reading a dealer's) is shown, not edited.
  const editable = management.canEdit && (promotion.owner?.id ?? null) === owner;
  return (
    <>
      {back}
      <PromotionForm key={promotion.id} id={promotion.id} initial={initial} editable={editable} />
    </>
  );
}
