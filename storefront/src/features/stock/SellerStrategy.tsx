import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { StockSellerSettingsDocument, StockSellerSettingsUpdateDocument, type AllocationStrategy, type InventoryErrorPartsFragment } from '../../gql/graphql';
import { Alert, Button, SelectField } from '../../ui';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';
import { answerErrors } from './answers';

const STRATEGIES: AllocationStrategy[] = ['NEAREST', 'FEWEST_SHIPMENTS', 'PRIORITY'];

/**
 * How the seller's orders are split across its warehouses (the allocation engine's
 * strategy). Shown only to those who manage the active organization's stock and only when
 * it sells to someone (the API answers null otherwise).
 */
export function SellerStrategy() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: StockSellerSettingsDocument });
  const saved = data?.sellerStockSettings?.strategy ?? null;
  const [chosen, setChosen] = useState<AllocationStrategy | null>(null);
  const [{ fetching }, update] = useMutation(StockSellerSettingsUpdateDocument);
  const [refusals, setRefusals] = useState<InventoryErrorPartsFragment[]>([]);
  const [done, setDone] = useState(false);
  if (!saved) return null;
  const strategy = chosen ?? saved;
  const save = async () => {
    setDone(false);
    const result = await update({ strategy }, { additionalTypenames: ['SellerStockSettings'] });
    const errors = answerErrors(result.error, result.data?.sellerStockSettingsUpdate?.errors);
    setRefusals(errors);
    if (errors.length === 0) {
      setChosen(null);
      setDone(true);
    }
  };
  return (
    <section className="net-card" aria-labelledby="stock-strategy-heading">
      <h2 id="stock-strategy-heading">{t('stockAdmin.strategy.title')}</h2>
      <p>{t('stockAdmin.strategy.intro')}</p>
      <SelectField
        label={t('stockAdmin.strategy.label')}
        value={strategy}
        options={STRATEGIES.map((value) => ({ value, label: t(`stockAdmin.strategy.options.${value}`) }))}
        hint={t(`stockAdmin.strategy.hints.${strategy}`)}
        onChange={(event) => {
          setDone(false);
          setChosen(event.target.value as AllocationStrategy);
        }}
      />
      <p>
        <Button variant="primary" busy={fetching} disabled={strategy === saved} onClick={() => void save()}>
          {t('stockAdmin.strategy.save')}
        </Button>
      </p>
      {done && <Alert tone="success">{t('stockAdmin.strategy.saved')}</Alert>}
      <PriceRulesErrors errors={refusals} />
    </section>
  );
}
