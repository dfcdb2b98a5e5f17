import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { PriceListCreateDocument, PriceListsIndexDocument, type PriceListRowFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { useListParams } from '../../../../lib/useListParams';
import { usePagedQuery } from '../../../../lib/usePagedQuery';
import { Button, Checkbox, Dialog, EmptyState, SearchToolbar, SelectField } from '../../../../ui';
import { PagedList } from '../../../../ui/PagedList';
import { PricesPage } from '../PricesPage';
import { listValues, PriceListForm } from './PriceListForm';
import { PriceListKindBadges, ValidityText } from './listText';
import './lists.css';

const column = createColumnHelper<PriceListRowFragment>();
const KINDS = ['PURCHASE', 'RESALE'] as const;

/** `/prices/lists`: the lists the viewer may see, filtered from the URL, and a new list. */
export default function PriceListsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <PricesPage
      section="lists"
      title={t('prices.admin.lists.title')}
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('prices.admin.lists.create')}
        </Button>
      }
    >
      {(management) => (
        <>
          <PriceListsIndex showOwner={management.scope === 'staff'} />
          {management.canEdit && <CreateDialog open={creating} scope={management.scope} onClose={() => setCreating(false)} />}
        </>
      )}
    </PricesPage>
  );
}

function PriceListsIndex({ showOwner }: { showOwner: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListParams({ search: 'search' });
  const kind = list.params.get('kind');
  const currency = list.params.get('currency') ?? '';
  const belowFloor = list.params.get('belowFloor') === '1';
  const lists = usePagedQuery(
    list,
    {
      query: PriceListsIndexDocument,
      variables: {
        ...list.pageArgs,
        search: list.settledSearch || null,
        kind: kind === 'PURCHASE' || kind === 'RESALE' ? kind : null,
        currency: currency.trim().toUpperCase() || null,
        belowFloor: belowFloor || null,
      },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.priceLists,
  );
  const filtered = Boolean(list.search || kind || currency || belowFloor);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('prices.admin.lists.columns.name'),
        cell: ({ row }) => (
          <span className="price-cell-stack">
            <Link to={`/prices/lists/${row.original.id}`}>
              <strong>{row.original.name}</strong>
            </Link>
            <PriceListKindBadges list={row.original} />
          </span>
        ),
      }),
      ...(showOwner
        ? [column.display({ id: 'owner', header: t('prices.admin.lists.columns.owner'), cell: ({ row }) => row.original.owner?.name ?? '—' })]
        : []),
      column.accessor('currency', { header: t('prices.admin.lists.columns.currency') }),
      column.accessor('priority', { header: t('prices.admin.lists.columns.priority'), meta: { align: 'end' }, cell: ({ getValue }) => format.number(getValue()) }),
      column.display({
        id: 'validity',
        header: t('prices.admin.lists.columns.validity'),
        cell: ({ row }) => <ValidityText from={row.original.validFrom} until={row.original.validUntil} />,
      }),
      column.accessor('pricesIncludeVat', {
        header: t('prices.admin.lists.columns.vat'),
        meta: { className: 'ui-col-wide' },
        cell: ({ getValue }) => (getValue() ? t('prices.admin.lists.vatIncluded') : t('prices.admin.lists.vatExcluded')),
      }),
      column.accessor('entryCount', {
        header: t('prices.admin.lists.columns.entries'),
        meta: { align: 'end' },
        cell: ({ getValue }) => format.number(getValue()),
      }),
    ],
    [t, format, showOwner],
  );

  return (
    <section className="net-card" aria-labelledby="price-lists-heading">
      <h2 id="price-lists-heading" className="ui-visually-hidden">
        {t('prices.admin.lists.title')}
      </h2>
      <SearchToolbar label={t('prices.admin.lists.search')} placeholder={t('prices.admin.lists.searchPlaceholder')} value={list.search} onSearch={list.setSearch}>
        <SelectField
          label={t('prices.admin.lists.columns.kind')}
          value={kind ?? ''}
          onChange={(event) => list.setFilter('kind', event.target.value)}
          options={[{ value: '', label: t('prices.admin.lists.anyKind') }, ...KINDS.map((k) => ({ value: k, label: t(`prices.admin.lists.kind.${k}`) }))]}
        />
        <SelectField
          label={t('prices.admin.lists.columns.currency')}
          value={currency}
          onChange={(event) => list.setFilter('currency', event.target.value)}
          options={[{ value: '', label: t('prices.admin.lists.anyCurrency') }, ...['RUB', 'USD', 'EUR', 'KZT', 'BYN'].map((c) => ({ value: c, label: c }))]}
        />
        <Checkbox label={t('prices.admin.lists.belowFloorOnly')} checked={belowFloor} onChange={(event) => list.setFilter('belowFloor', event.target.checked ? '1' : '')} />
      </SearchToolbar>
      <PagedList
        list={list}
        result={lists}
        caption={t('prices.admin.lists.title')}
        columns={columns}
        pagesLabel={t('prices.admin.lists.pages')}
        empty={<EmptyState title={filtered ? t('prices.admin.lists.emptyFiltered') : t('prices.admin.lists.empty')} />}
      />
    </section>
  );
}

function CreateDialog({ open, scope, onClose }: { open: boolean; scope: 'staff' | 'partner'; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [, create] = useMutation(PriceListCreateDocument);
  return (
    <Dialog open={open} title={t('prices.admin.lists.createTitle')} onClose={onClose}>
      <PriceListForm
        initial={listValues(scope)}
        submitLabel={t('prices.admin.lists.createSubmit')}
        onCancel={onClose}
        save={async (input) => {
          const result = await create({ input }, { additionalTypenames: ['PriceList'] });
          const answer = result.data?.priceListCreate;
          if (answer?.priceList) {
            onClose();
            void navigate(`/prices/lists/${answer.priceList.id}`);
            return null;
          }
          if (result.error) return [{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }];
          return answer?.errors ?? [];
        }}
      />
    </Dialog>
  );
}
