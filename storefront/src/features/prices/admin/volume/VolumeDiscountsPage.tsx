import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../../../../api/errors';
import { PriceVolumeDiscountsDocument, VolumeDiscountDeleteDocument, type VolumeDiscountRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Button, Dialog, EmptyState, ErrorState, Skeleton } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { useViewer } from '../../../auth/ViewerProvider';
import type { PriceManagement } from '../access';
import { PricesPage } from '../PricesPage';
import { useRuleOwner } from '../ruleOwner';
import { ladderText } from './ladder';
import { VolumeDiscountForm } from './VolumeDiscountForm';
import '../../../announcements/announcements.css';
import '../rules.css';

/** A seller has a few such discounts; one page holds them all. */
const SHOWN = 100;

/** `/prices/volume-discounts`: discounts on the order total, by steps. */
export default function VolumeDiscountsPage() {
  const { t } = useTranslation();
  // null: no form; 'new'; or the discount being changed.
  const [editing, setEditing] = useState<VolumeDiscountRowFragment | 'new' | null>(null);
  return (
    <PricesPage
      section="volumeDiscounts"
      title={t('prices.admin.volume.title')}
      actions={
        editing === null && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('prices.admin.volume.create')}
          </Button>
        )
      }
    >
      {(management) => <VolumeDiscounts management={management} editing={editing} setEditing={setEditing} />}
    </PricesPage>
  );
}

function VolumeDiscounts({
  management,
  editing,
  setEditing,
}: {
  management: PriceManagement;
  editing: VolumeDiscountRowFragment | 'new' | null;
  setEditing: (editing: VolumeDiscountRowFragment | 'new' | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { organization } = useViewer();
  const owner = useRuleOwner(management);
  const [result, reload] = useQuery({ query: PriceVolumeDiscountsDocument, variables: { first: SHOWN, owner }, requestPolicy: 'cache-and-network' });
  const [deleting, setDeleting] = useState<VolumeDiscountRowFragment | null>(null);
  const [removed, remove] = useMutation(VolumeDiscountDeleteDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const refresh = () => reload({ requestPolicy: 'network-only' });

  async function confirmDelete() {
    if (!deleting) return;
    const answer = await remove({ id: deleting.id });
    setDeleting(null);
    const failed = answer.data?.volumeDiscountDelete?.errors ?? [];
    if (answer.error) setProblems([problemOf(answer.error)]);
    else setProblems(failed.map((e) => ({ code: e.code, detail: e.message })));
    refresh();
  }

  const discounts = (result.data?.volumeDiscounts.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const period = (d: VolumeDiscountRowFragment) =>
    !d.starts && !d.ends
      ? t('prices.admin.volume.always')
      : [d.starts && t('prices.admin.volume.from', { date: format.date(d.starts) }), d.ends && t('prices.admin.volume.until', { date: format.date(d.ends) })]
          .filter(Boolean)
          .join(' ');

  return (
    <section className="rules-section" aria-label={t('prices.admin.volume.title')}>
      <p className="rules-intro">{t('prices.admin.volume.intro')}</p>
      <ProblemAlerts problems={problems} />
      {editing !== null && management.canEdit && (
        <div className="rules-card">
          <VolumeDiscountForm
            key={editing === 'new' ? 'new' : editing.id}
            discount={editing === 'new' ? null : editing}
            defaultCurrency={organization?.currency ?? 'RUB'}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        </div>
      )}
      {!result.data ? (
        result.error ? <ErrorState error={result.error} onRetry={refresh} /> : <Skeleton height="8em" />
      ) : discounts.length === 0 ? (
        <EmptyState title={t('prices.admin.volume.empty')}>{management.canEdit && <p>{t('prices.admin.volume.emptyText')}</p>}</EmptyState>
      ) : (
        <ul className="rules-cards" aria-label={t('prices.admin.volume.title')}>
          {discounts.map((discount) => (
            <li key={discount.id} className="rules-card">
              <div className="rules-card__head">
                <h2 className="rules-card__title">{discount.name}</h2>
                <span className="news-muted">{period(discount)}</span>
              </div>
              <p className="rules-ladder">{ladderText(t, i18n.language, discount.currency, discount.steps)}</p>
              {management.canEdit && (
                <div className="rules-actions">
                  <Button size="sm" onClick={() => setEditing(discount)}>
                    {t('prices.admin.volume.edit')}
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => setDeleting(discount)}>
                    {t('prices.admin.volume.delete')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={deleting !== null}
        title={t('prices.admin.volume.deleteTitle')}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(null)}>
              {t('prices.admin.volume.form.cancel')}
            </Button>
            <Button variant="danger" busy={removed.fetching} onClick={() => void confirmDelete()}>
              {t('prices.admin.volume.deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('prices.admin.volume.deleteText', { name: deleting?.name ?? '' })}</p>
      </Dialog>
    </section>
  );
}
