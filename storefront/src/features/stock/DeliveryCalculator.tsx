import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CountriesDocument, DeliveryPreviewDocument, type DeliveryPreviewQueryVariables, type Unit, type WarehouseStockPartsFragment } from '../../gql/graphql';
import { localeOf } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { Button, Checkbox, ErrorState, SelectField, Spinner, TextField } from '../../ui';
import { ShipmentPreview } from './ShipmentPreview';

export interface CalculatorVariant {
  id: string;
  sku: string;
  unit: Unit;
  minOrderQuantity: string;
  stock: WarehouseStockPartsFragment[];
}

/** The organization's own region: the API's default destination when no address is sent. */
const OWN_REGION = '';
const DELIVERY = '';
const QUANTITY = /^\d+([.,]\d+)?$/;

/**
 * «Рассчитать доставку»: quantities per variant (the chosen one's minimum order to start
 * with), where to (the organization's region, or another of Russia's regions), in one
 * shipment or not, or pickup at a warehouse that allows it; answers with ShipmentPreview.
 */
export function DeliveryCalculator({ variants, chosenId }: { variants: CalculatorVariant[]; chosenId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [quantities, setQuantities] = useState<Record<string, string>>(() => {
    const chosen = variants.find((variant) => variant.id === chosenId) ?? variants[0];
    return chosen ? { [chosen.id]: format.number(chosen.minOrderQuantity) } : {};
  });
  const [region, setRegion] = useState(OWN_REGION);
  const [pickup, setPickup] = useState(DELIVERY);
  const [oneShipment, setOneShipment] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState<DeliveryPreviewQueryVariables | null>(null);

  const [countries] = useQuery({ query: CountriesDocument });
  const [result, retry] = useQuery({
    query: DeliveryPreviewDocument,
    variables: asked ?? { lines: [] },
    pause: asked === null,
    requestPolicy: 'network-only',
  });

  const english = i18n.language === 'en';
  const regionOptions = useMemo(() => {
    const regions = countries.data?.countries.find((country) => country.code === 'RU')?.regions ?? [];
    const collator = new Intl.Collator(localeOf(i18n.language));
    const named = regions.map((r) => ({ value: r.name, label: english ? r.nameEn : r.name }));
    return [{ value: OWN_REGION, label: t('delivery.ownRegion') }, ...named.sort((a, b) => collator.compare(a.label, b.label))];
  }, [countries.data, english, i18n.language, t]);

  const pickupOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const variant of variants) {
      for (const row of variant.stock) {
        if (row.warehouse.pickupAllowed && !seen.has(row.warehouse.id)) {
          seen.set(row.warehouse.id, [row.warehouse.name, row.warehouse.city].filter(Boolean).join(', '));
        }
      }
    }
    return [
      { value: DELIVERY, label: t('delivery.toAddress') },
      ...[...seen].map(([id, name]) => ({ value: id, label: t('delivery.pickupAt', { warehouse: name }) })),
    ];
  }, [variants, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const lines: DeliveryPreviewQueryVariables['lines'] = [];
    for (const variant of variants) {
      const typed = (quantities[variant.id] ?? '').replace(/\s/g, '');
      if (typed === '' || typed === '0') continue;
      if (!QUANTITY.test(typed)) {
        setProblem(t('delivery.badQuantity', { sku: variant.sku }));
        return;
      }
      const quantity = typed.replace(',', '.');
      if (Number(quantity) > 0) lines.push({ variant: variant.id, quantity });
    }
    if (lines.length === 0) {
      setProblem(t('delivery.noQuantity'));
      return;
    }
    setProblem(null);
    setAsked({
      lines,
      oneShipment,
      ...(pickup !== DELIVERY ? { pickupWarehouse: pickup } : region !== OWN_REGION ? { address: { region } } : {}),
    });
  }

  const preview = result.data?.allocationPreview;
  return (
    <div className="delivery-calculator">
      <form className="delivery-calculator__form" onSubmit={submit} noValidate aria-label={t('delivery.title')}>
        <fieldset className="delivery-calculator__quantities">
          <legend>{t('delivery.quantities')}</legend>
          {variants.map((variant) => (
            <TextField
              key={variant.id}
              label={
                <>
                  <span className="sku">{variant.sku}</span> ({format.unit(variant.unit)})
                </>
              }
              inputMode="decimal"
              autoComplete="off"
              value={quantities[variant.id] ?? ''}
              onChange={(event) => setQuantities({ ...quantities, [variant.id]: event.target.value })}
            />
          ))}
        </fieldset>
        <SelectField label={t('delivery.how')} value={pickup} options={pickupOptions} onChange={(event) => setPickup(event.target.value)} />
        {pickup === DELIVERY && (
          <SelectField label={t('delivery.region')} value={region} options={regionOptions} onChange={(event) => setRegion(event.target.value)} />
        )}
        <Checkbox label={t('delivery.oneShipment')} checked={oneShipment} onChange={(event) => setOneShipment(event.target.checked)} />
        {problem && (
          <p className="delivery-calculator__problem" role="alert">
            {problem}
          </p>
        )}
        <Button type="submit" variant="primary" busy={result.fetching}>
          {t('delivery.calculate')}
        </Button>
      </form>
      <div className="delivery-calculator__result" aria-live="polite">
        {result.error && !preview ? (
          <ErrorState error={result.error} onRetry={() => retry({ requestPolicy: 'network-only' })} />
        ) : result.fetching && !preview ? (
          <Spinner label={t('delivery.calculating')} />
        ) : preview ? (
          <ShipmentPreview preview={preview} />
        ) : (
          asked === null && <p className="delivery-calculator__hint">{t('delivery.hint')}</p>
        )}
      </div>
    </div>
  );
}
