import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PriceListDetailDocument, type PriceListSettingsFragment } from '../../../../gql/graphql';
import { Alert, EmptyState, ErrorState, Skeleton } from '../../../../ui';
import type { PriceManagement } from '../access';
import { PricesPage } from '../PricesPage';
import { EntriesSection } from './EntriesSection';
import { ListSettings } from './ListSettings';
import './lists.css';

/** `/prices/lists/:id`: one list's settings, its formula or entries, uploads and downloads. */
export default function PriceListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PriceListDetailDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const list = data?.priceList;
  const [deleted, setDeleted] = useState(false);
  return (
    <PricesPage section="lists" title={list?.name ?? t('prices.admin.lists.oneTitle')}>
      {(management) => {
        if (deleted) {
          return (
            <Alert tone="success" title={t('prices.admin.lists.deleted')}>
              <Link to="/prices/lists">{t('prices.admin.lists.backToLists')}</Link>
            </Alert>
          );
        }
        if (!data) return error ? <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton height="160px" />;
        if (!list) {
          return (
            <EmptyState title={t('prices.admin.lists.notFound')} action={<Link to="/prices/lists">{t('prices.admin.lists.backToLists')}</Link>}>
              <p>{t('prices.admin.lists.notFoundText')}</p>
            </EmptyState>
          );
        }
        return <ListScreen list={list} management={management} busy={fetching} onDeleted={() => setDeleted(true)} />;
      }}
    </PricesPage>
  );
}

function ListScreen({
  list,
  management,
  busy,
  onDeleted,
}: {
  list: PriceListSettingsFragment;
  management: PriceManagement;
  busy: boolean;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  // A finished recomputation changed a derived list's prices: the entries load again.
  const [recomputed, setRecomputed] = useState(0);
  // Staff act for the manufacturer: a dealer's list is theirs to read, not to change (the
  // API would answer NOT_OWNER); a partner sees only its own lists.
  const canEdit = management.canEdit && (management.scope === 'partner' || list.owner?.kind === 'MANUFACTURER');
  return (
    <div className="price-list-screen" aria-busy={busy || undefined}>
      <p className="price-back">
        <Link to="/prices/lists">← {t('prices.admin.lists.backToLists')}</Link>
      </p>
      <ListSettings list={list} canEdit={canEdit} scope={management.scope} onDeleted={onDeleted} onRecomputed={() => setRecomputed((n) => n + 1)} />
      <EntriesSection key={recomputed} list={list} canEdit={canEdit && !list.isDerived} />
    </div>
  );
}
