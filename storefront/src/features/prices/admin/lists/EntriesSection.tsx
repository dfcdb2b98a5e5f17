import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { PriceListEntriesPageDocument, PriceListEntriesSaveDocument, type PriceListErrorFieldsFragment, type PriceListSettingsFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { pageCount } from '../../../../lib/offsetPaging';
import { LIST_PAGE_SIZE, useListParams, type ListParams } from '../../../../lib/useListParams';
import { usePagedQuery, type PagedResult } from '../../../../lib/usePagedQuery';
import { Button, Dialog, EmptyState, ErrorState, Pagination, SearchToolbar, Skeleton } from '../../../../ui';
import { VariantPicker, type PickedVariant } from '../pickers/VariantPicker';
import { PriceRulesErrors } from '../PriceRulesErrors';
import { BulkPercentButton } from './BulkPercentButton';
import { groupByVariant, type VariantTiers } from './entryGroups';
import { ExportButton } from './ExportButton';
import { ImportButton } from './ImportButton';
import { TierEditor } from './TierEditor';

/** The list's prices: a page of entries grouped per variant, searchable, edited in place. */
export function EntriesSection({ list, canEdit }: { list: PriceListSettingsFragment; canEdit: boolean }) {
  const { t } = useTranslation();
  const params = useListParams({ search: 'q' });
  const entries = usePagedQuery(
    params,
    {
      query: PriceListEntriesPageDocument,
      variables: { priceList: list.id, search: params.settledSearch || null, ...params.pageArgs },
      requestPolicy: 'cache-and-network',
    },
    (data) => data.priceListEntries,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState<VariantTiers | null>(null);
  const [removing, setRemoving] = useState<VariantTiers | null>(null);
  const groups = groupByVariant(entries.page?.rows ?? []);
  const saved = () => {
    setEditing(null);
    setAdded(null);
    entries.refresh();
  };
  const addVariant = (variant: PickedVariant) => {
    setEditing(null);
    setAdded({ id: variant.id, sku: variant.sku, name: variant.name, productName: variant.productName, unit: null, tiers: [] });
  };

  return (
    <section className="net-card price-entries" aria-labelledby="price-entries-heading">
      <div className="price-entries__head">
        <h2 id="price-entries-heading">{t('prices.admin.entries.title')}</h2>
        <div className="price-entries__actions">
          {canEdit && <BulkPercentButton list={list} search={params.settledSearch} matching={params.settledSearch && !entries.fetching ? entries.page?.total : undefined} onChanged={entries.refresh} />}
          {canEdit && <ImportButton list={list} onApplied={entries.refresh} />}
          <ExportButton listId={list.id} />
        </div>
      </div>
      {list.isDerived && <p className="net-muted">{t('prices.admin.entries.derivedNote')}</p>}
      <SearchToolbar label={t('prices.admin.entries.search')} placeholder={t('prices.admin.entries.searchPlaceholder')} value={params.search} onSearch={params.setSearch} />
      {canEdit && (
        <div className="price-entries__add">
          <VariantPicker label={t('prices.admin.entries.addVariant')} onPick={addVariant} exclude={groups.map((g) => g.id)} />
        </div>
      )}
      {added && (
        <div className="price-entries__new">
          <p>
            <strong>{added.sku}</strong> <span className="net-muted">{added.productName}</span>
          </p>
          <TierEditor listId={list.id} currency={list.currency} variant={added} onSaved={saved} onCancel={() => setAdded(null)} />
        </div>
      )}
      <EntriesTable
        list={list}
        groups={groups}
        result={entries}
        params={params}
        canEdit={canEdit}
        editing={editing}
        onEdit={(id) => {
          setAdded(null);
          setEditing(id);
        }}
        onCancel={() => setEditing(null)}
        onSaved={saved}
        onRemove={setRemoving}
      />
      {removing && <RemoveVariantDialog listId={list.id} variant={removing} onClose={() => setRemoving(null)} onRemoved={() => {
            setRemoving(null);
            entries.refresh();
          }} />}
    </section>
  );
}

function EntriesTable({
  list,
  groups,
  result,
  params,
  canEdit,
  editing,
  onEdit,
  onCancel,
  onSaved,
  onRemove,
}: {
  list: PriceListSettingsFragment;
  groups: VariantTiers[];
  result: PagedResult<unknown>;
  params: ListParams;
  canEdit: boolean;
  editing: string | null;
  onEdit: (id: string) => void;
  onCancel: () => void;
  onSaved: () => void;
  onRemove: (variant: VariantTiers) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!result.page) return result.error ? <ErrorState error={result.error} onRetry={result.refresh} /> : <Skeleton height="120px" />;
  if (groups.length === 0) {
    return <EmptyState title={params.search ? t('prices.admin.entries.emptyFiltered') : t('prices.admin.entries.empty')} />;
  }
  return (
    <>
      {result.error && <ErrorState error={result.error} onRetry={result.refresh} />}
      <div className="ui-table-wrap" aria-busy={result.fetching || undefined}>
        <table className="ui-table ui-table--stack price-entries__table">
          <caption className="ui-visually-hidden">{t('prices.admin.entries.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prices.admin.entries.variant')}</th>
              <th scope="col">{t('prices.admin.entries.tiers')}</th>
              {canEdit && <th scope="col">{t('prices.admin.entries.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id} data-testid={`entry-${group.sku}`}>
                <td data-label={t('prices.admin.entries.variant')}>
                  <span className="price-cell-stack">
                    <strong>{group.sku}</strong>
                    <span className="net-muted">{group.name && group.name !== group.productName ? `${group.productName} · ${group.name}` : group.productName}</span>
                  </span>
                </td>
                {editing === group.id ? (
                  <td colSpan={canEdit ? 2 : 1}>
                    <FullVariantEditor listId={list.id} currency={list.currency} variant={group} onSaved={onSaved} onCancel={onCancel} />
                  </td>
                ) : (
                  <>
                    <td data-label={t('prices.admin.entries.tiers')}>
                      <ul className="price-tier-list">
                        {group.tiers.map((tier) => (
                          <li key={tier.id}>
                            <span className="net-muted">{t('prices.admin.entries.from', { quantity: format.quantity(tier.minQuantity, tier.unit ?? group.unit ?? 'PCS') })}</span>{' '}
                            <strong>{format.money(tier.price, list.currency)}</strong>
                          </li>
                        ))}
                      </ul>
                    </td>
                    {canEdit && (
                      <td data-label={t('prices.admin.entries.actions')}>
                        <span className="price-row-actions">
                          <Button size="sm" onClick={() => onEdit(group.id)} aria-label={t('prices.admin.entries.editVariant', { sku: group.sku })}>
                            {t('prices.admin.entries.edit')}
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => onRemove(group)} aria-label={t('prices.admin.entries.removeVariant', { sku: group.sku })}>
                            {t('prices.admin.entries.remove')}
                          </Button>
                        </span>
                      </td>
                    )}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EntriesPager params={params} total={result.page.total} />
    </>
  );
}

/** The editor over every tier of the variant: a page may hold only some of them. */
function FullVariantEditor({ listId, currency, variant, onSaved, onCancel }: { listId: string; currency: string; variant: VariantTiers; onSaved: () => void; onCancel: () => void }) {
  const [{ data, error }] = useQuery({
    query: PriceListEntriesPageDocument,
    variables: { priceList: listId, search: variant.sku, first: 100 },
    requestPolicy: 'network-only',
  });
  if (error) return <ErrorState error={error} />;
  if (!data) return <Skeleton height="80px" />;
  const all = groupByVariant((data.priceListEntries.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []))).find((g) => g.id === variant.id) ?? variant;
  return <TierEditor listId={listId} currency={currency} variant={all} onSaved={onSaved} onCancel={onCancel} />;
}

function EntriesPager({ params, total }: { params: ListParams; total: number }) {
  const { t } = useTranslation();
  if (total <= LIST_PAGE_SIZE) return null;
  const pages = pageCount(total, LIST_PAGE_SIZE);
  const page = Math.min(params.page, pages);
  return (
    <Pagination
      label={t('prices.admin.entries.pages')}
      page={page}
      pageCount={pages}
      pageSize={LIST_PAGE_SIZE}
      total={total}
      hasPrevious={page > 1}
      hasNext={page < pages}
      onFirst={() => params.goTo(1)}
      onPrevious={() => params.goTo(page - 1)}
      onNext={() => params.goTo(page + 1)}
      onLast={() => params.goTo(pages)}
    />
  );
}

function RemoveVariantDialog({ listId, variant, onClose, onRemoved }: { listId: string; variant: VariantTiers; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(PriceListEntriesSaveDocument);
  const [errors, setErrors] = useState<PriceListErrorFieldsFragment[]>([]);
  const onConfirm = async () => {
    const result = await save({ priceList: listId, variants: [variant.id], rows: [] }, { additionalTypenames: ['PriceListEntry'] });
    const answer = result.data?.priceListEntriesSetVariants;
    if (answer?.priceList) onRemoved();
    else if (result.error) setErrors([{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }]);
    else setErrors(answer?.errors ?? []);
  };
  return (
    <Dialog
      open
      title={t('prices.admin.entries.removeTitle', { sku: variant.sku })}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('prices.admin.lists.cancel')}
          </Button>
          <Button variant="danger" busy={fetching} onClick={() => void onConfirm()}>
            {t('prices.admin.entries.removeConfirm')}
          </Button>
        </>
      }
    >
      <p>{t('prices.admin.entries.removeText', { sku: variant.sku })}</p>
      <PriceRulesErrors errors={errors} />
    </Dialog>
  );
}
