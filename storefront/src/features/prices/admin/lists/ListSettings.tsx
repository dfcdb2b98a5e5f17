import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { PriceListUpdateDocument, type PriceListSettingsFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button, Dialog } from '../../../../ui';
import type { PriceScope } from '../access';
import { DeleteListButton } from './DeleteListButton';
import { PriceListKindBadges, ValidityText } from './listText';
import { listValues, PriceListForm } from './PriceListForm';
import { RecomputeButton } from './RecomputeButton';

/** A list's settings as a card: who owns it, its terms, fallback, formula; edit and delete. */
export function ListSettings({
  list,
  canEdit,
  scope,
  onDeleted,
  onRecomputed,
}: {
  list: PriceListSettingsFragment;
  canEdit: boolean;
  scope: PriceScope;
  onDeleted: () => void;
  onRecomputed: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [, update] = useMutation(PriceListUpdateDocument);
  const assignments = list.assignments.length;

  return (
    <section className="net-card price-settings" aria-labelledby="price-settings-heading">
      <div className="price-settings__head">
        <h2 id="price-settings-heading">{t('prices.admin.lists.settings')}</h2>
        <PriceListKindBadges list={list} />
      </div>
      {list.belowFloorSince && (
        <Alert tone="warning" title={t('prices.admin.lists.belowFloorTitle', { date: format.date(list.belowFloorSince) })}>
          <p>{t('prices.admin.lists.belowFloorText', { count: list.belowFloorSkus.length })}</p>
          <ul className="price-errors__skus">
            {list.belowFloorSkus.slice(0, 20).map((sku) => (
              <li key={sku}>{sku}</li>
            ))}
          </ul>
        </Alert>
      )}
      <dl className="price-terms">
        <div>
          <dt>{t('prices.admin.lists.columns.owner')}</dt>
          <dd>{list.owner?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.columns.currency')}</dt>
          <dd>{list.currency}</dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.columns.priority')}</dt>
          <dd>{format.number(list.priority)}</dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.columns.validity')}</dt>
          <dd>
            <ValidityText from={list.validFrom} until={list.validUntil} />
          </dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.columns.vat')}</dt>
          <dd>{list.pricesIncludeVat ? t('prices.admin.lists.vatIncluded') : t('prices.admin.lists.vatExcluded')}</dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.columns.entries')}</dt>
          <dd>{format.number(list.entryCount)}</dd>
        </div>
        <div>
          <dt>{t('prices.admin.lists.form.fallback')}</dt>
          <dd>{list.fallback ? <Link to={`/prices/lists/${list.fallback.id}`}>{list.fallback.name}</Link> : t('prices.admin.lists.noFallback')}</dd>
        </div>
        {list.isDerived && (
          <div className="price-terms__wide">
            <dt>{t('prices.admin.lists.form.formula')}</dt>
            <dd>
              {list.source ? (
                <Link to={`/prices/lists/${list.source.id}`}>{list.source.name}</Link>
              ) : (
                '—'
              )}{' '}
              {t('prices.admin.lists.formulaText', {
                factor: format.number(list.formulaFactor),
                percent: format.percent(list.formulaPercent),
                rounding: t(`prices.admin.lists.rounding.${list.formulaRounding}`),
              })}
            </dd>
          </div>
        )}
      </dl>
      <div className="price-settings__actions">
        <Link className="ui-button ui-button--secondary ui-button--md" to={`/prices/assignments?list=${encodeURIComponent(list.id)}`}>
          {t('prices.admin.lists.assignments', { count: assignments })}
        </Link>
        {canEdit && (
          <>
            <Button onClick={() => setEditing(true)}>{t('prices.admin.lists.edit')}</Button>
            {list.isDerived && <RecomputeButton listId={list.id} onDone={onRecomputed} />}
            <DeleteListButton list={list} onDeleted={onDeleted} />
          </>
        )}
      </div>
      <Dialog open={editing} title={t('prices.admin.lists.editTitle', { name: list.name })} onClose={() => setEditing(false)}>
        <PriceListForm
          initial={listValues(scope, list)}
          listId={list.id}
          submitLabel={t('prices.admin.lists.save')}
          onCancel={() => setEditing(false)}
          save={async (input) => {
            const result = await update({ id: list.id, input });
            const answer = result.data?.priceListUpdate;
            if (answer?.priceList) {
              setEditing(false);
              return null;
            }
            if (result.error) return [{ field: null, code: 'GRAPHQL_ERROR', message: result.error.message, skus: null, listIds: null }];
            return answer?.errors ?? [];
          }}
        />
      </Dialog>
    </section>
  );
}
