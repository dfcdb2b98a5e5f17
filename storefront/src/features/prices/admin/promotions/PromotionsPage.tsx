import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PricePromotionsDocument, type PromotionRowFragment, type PromotionStatus } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { useListParams } from '../../../../lib/useListParams';
import { usePagedQuery } from '../../../../lib/usePagedQuery';
import { Badge, EmptyState, SearchToolbar, SegmentedControl } from '../../../../ui';
import { PagedList } from '../../../../ui/PagedList';
import type { PriceManagement } from '../access';
import { PricesPage } from '../PricesPage';
import { useRuleOwner } from '../ruleOwner';
import { audienceText, discountText } from './promotionText';
import '../rules.css';

const column = createColumnHelper<PromotionRowFragment>();
const STATUSES: PromotionStatus[] = ['RUNNING', 'FUTURE', 'PAST'];
const STATUS_TONE = { RUNNING: 'success', FUTURE: 'info', PAST: 'neutral' } as const;

function isStatus(value: string | null): value is PromotionStatus {
  return STATUSES.includes(value as PromotionStatus);
}

/** `/prices/promotions?status=&search=&page=`: the viewer's promotions. */
export default function PromotionsPage() {
  const { t } = useTranslation();
  return (
    <PricesPage
      section="promotions"
      title={t('prices.admin.promotions.title')}
      actions={
        <Link className="ui-button ui-button--primary ui-button--md" to="/prices/promotions/new">
          {t('prices.admin.promotions.create')}
        </Link>
      }
    >
      {(management) => <PromotionList management={management} />}
    </PricesPage>
  );
}

function PromotionList({ management }: { management: PriceManagement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const owner = useRuleOwner(management);
  const list = useListParams({ search: 'search' });
  const status = list.params.get('status');
  const promotions = usePagedQuery(
    list,
    {
      query: PricePromotionsDocument,
      variables: {
        ...list.pageArgs,
        filter: { owner, status: isStatus(status) ? status : null, search: list.settledSearch || null },
      },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.promotions,
  );

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('prices.admin.promotions.columns.name'),
        cell: ({ row }) => (
          <Link to={`/prices/promotions/${row.original.id}`}>
            <strong>{row.original.name}</strong>
          </Link>
        ),
      }),
      column.accessor('value', {
        header: t('prices.admin.promotions.columns.discount'),
        meta: { align: 'end' },
        cell: ({ row }) => <span className="rules-nowrap">{discountText(format, row.original)}</span>,
      }),
      column.display({
        id: 'period',
        header: t('prices.admin.promotions.columns.period'),
        cell: ({ row }) => (
          <span className="rules-nowrap">
            {format.date(row.original.starts)} – {format.date(row.original.ends)}
          </span>
        ),
      }),
      column.display({
        id: 'audience',
        header: t('prices.admin.promotions.columns.audience'),
        cell: ({ row }) => audienceText(t, row.original),
      }),
      column.accessor('stacking', {
        header: t('prices.admin.promotions.columns.stacking'),
        cell: ({ getValue }) => t(`prices.admin.promotions.stackingShort.${getValue()}`),
      }),
      column.accessor('status', {
        header: t('prices.admin.promotions.columns.status'),
        cell: ({ getValue }) => <Badge tone={STATUS_TONE[getValue()]}>{t(`prices.admin.promotions.status.${getValue()}`)}</Badge>,
      }),
    ],
    [t, format],
  );

  const filtered = isStatus(status) || list.settledSearch !== '';
  return (
    <section className="rules-section" aria-label={t('prices.admin.promotions.title')}>
      <SearchToolbar label={t('prices.admin.promotions.search')} value={list.search} onSearch={list.setSearch}>
        <SegmentedControl
          label={t('prices.admin.promotions.statusFilter')}
          value={isStatus(status) ? status : 'ALL'}
          segments={[
            { value: 'ALL', label: t('prices.admin.promotions.status.ALL') },
            ...STATUSES.map((value) => ({ value, label: t(`prices.admin.promotions.status.${value}`) })),
          ]}
          onChange={(value) => list.setFilter('status', value === 'ALL' ? '' : value)}
        />
      </SearchToolbar>
      <PagedList
        list={list}
        result={promotions}
        caption={t('prices.admin.promotions.title')}
        columns={columns}
        pagesLabel={t('prices.admin.promotions.pages')}
        empty={
          <EmptyState title={filtered ? t('prices.admin.promotions.noneFound') : t('prices.admin.promotions.empty')}>
            {!filtered && <p>{t(`prices.admin.promotions.emptyText.${management.scope}`)}</p>}
          </EmptyState>
        }
      />
    </section>
  );
}
