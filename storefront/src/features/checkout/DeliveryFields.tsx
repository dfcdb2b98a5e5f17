import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CountriesDocument, PickupWarehousesDocument, type DeliveryMethod } from '../../gql/graphql';
import { localeOf } from '../../i18n/format';
import { SegmentedControl, SelectField, TextField } from '../../ui';
import { placeOf } from '../stock/place';

export interface Destination {
  method: DeliveryMethod;
  region: string;
  city: string;
  address: string;
  pickupWarehouse: string;
}

/**
 * Where the order goes: delivery to a region (the buyer's own to start with), city and
 * address, or pickup at one of the seller's warehouses that allows it.
 */
export function DeliveryFields({
  value,
  onChange,
  seller,
  errors,
}: {
  value: Destination;
  onChange: (value: Destination) => void;
  seller: string | null;
  errors: Partial<Record<'region' | 'city' | 'address' | 'pickupWarehouse', string>>;
}) {
  const { t, i18n } = useTranslation();
  const [countries] = useQuery({ query: CountriesDocument });
  const [pickup] = useQuery({ query: PickupWarehousesDocument, variables: { owner: seller }, pause: seller === null });
  const english = i18n.language === 'en';

  const regions = useMemo(() => {
    const list = countries.data?.countries.find((country) => country.code === 'RU')?.regions ?? [];
    const collator = new Intl.Collator(localeOf(i18n.language));
    const options = list.map((r) => ({ value: r.name, label: english ? r.nameEn : r.name })).sort((a, b) => collator.compare(a.label, b.label));
    // The buyer's region stays choosable even when the list has not come (or names it otherwise).
    if (value.region && !options.some((option) => option.value === value.region)) options.unshift({ value: value.region, label: value.region });
    return [{ value: '', label: t('checkout.delivery.chooseRegion') }, ...options];
  }, [countries.data, english, i18n.language, t, value.region]);

  const warehouses = (pickup.data?.warehouses.edges ?? []).flatMap((edge) =>
    edge?.node ? [{ value: edge.node.id, label: [edge.node.name, placeOf(edge.node)].filter(Boolean).join(', ') }] : [],
  );

  return (
    <fieldset className="checkout-delivery" data-testid="checkout-delivery">
      <legend>{t('checkout.delivery.title')}</legend>
      <SegmentedControl<DeliveryMethod>
        label={t('checkout.delivery.method')}
        value={value.method}
        segments={[
          { value: 'DELIVERY', label: t('checkout.delivery.delivery') },
          { value: 'PICKUP', label: t('checkout.delivery.pickup') },
        ]}
        onChange={(method) => onChange({ ...value, method })}
      />
      {value.method === 'DELIVERY' ? (
        <>
          <SelectField
            label={t('checkout.delivery.region')}
            value={value.region}
            options={regions}
            error={errors.region}
            onChange={(event) => onChange({ ...value, region: event.target.value })}
          />
          <TextField label={t('checkout.delivery.city')} value={value.city} error={errors.city} autoComplete="address-level2" onChange={(event) => onChange({ ...value, city: event.target.value })} />
          <TextField label={t('checkout.delivery.address')} value={value.address} error={errors.address} autoComplete="street-address" onChange={(event) => onChange({ ...value, address: event.target.value })} />
        </>
      ) : warehouses.length > 0 || pickup.fetching ? (
        <SelectField
          label={t('checkout.delivery.warehouse')}
          value={value.pickupWarehouse}
          options={[{ value: '', label: t('checkout.delivery.chooseWarehouse') }, ...warehouses]}
          error={errors.pickupWarehouse}
          onChange={(event) => onChange({ ...value, pickupWarehouse: event.target.value })}
        />
      ) : (
        <p className="checkout-delivery__none" role="note">
          {t('checkout.delivery.noPickup')}
        </p>
      )}
    </fieldset>
  );
}
