import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityPartsFragment, Unit, WarehouseStockPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { availabilityText, availabilityTone } from './availabilityText';
import { StockQuantityText } from './StockQuantityText';
import './stock.css';

export interface StockedVariant {
  id: string;
  sku: string;
  unit: Unit;
  availability: AvailabilityPartsFragment;
  stock: WarehouseStockPartsFragment[];
}

/**
 * A catalog row's or card's availability in one short line («В наличии: больше 100», «Под
 * заказ, ожидается 12.12.2026», «Нет в наличии»), with the warehouses behind it on demand
 * («По складам»): per variant, each warehouse's quantity and its incoming supply.
 */
export function AvailabilityLine({
  availability,
  variants,
}: {
  /** The product's, over its variants. */
  availability: AvailabilityPartsFragment;
  variants: StockedVariant[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const units = new Set(variants.map((variant) => variant.unit));
  const unit = units.size === 1 ? (variants[0]?.unit ?? null) : null;
  const withStock = variants.filter((variant) => variant.stock.length > 0);
  const tone = availabilityTone(availability);
  return (
    <div className="availability" data-testid="availability">
      <span className={`availability__text availability__text--${tone}`}>
        {availabilityText(t, format, availability, unit)}
      </span>
      {/* On a phone's list row only the short form shows, beside the SKU (catalog.css). */}
      {withStock.length > 0 ? (
        <button
          type="button"
          className="availability__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          // Holds what either screen shows («По складам»; on a phone «В наличии ▾»), so the
          // name said or typed by voice control is the one on the button.
          aria-label={t('availability.byWarehouseOf', { availability: t(`availability.short.${tone}`) })}
          onClick={() => setOpen(!open)}
        >
          <span className="availability__long">{t('availability.byWarehouse')}</span>
          {/* The row's full availability is in its text above (hidden only visually on a phone). */}
          <span className={`availability__short availability__text--${tone}`} aria-hidden>
            {t(`availability.short.${tone}`)} ▾
          </span>
        </button>
      ) : (
        <span className={`availability__short availability__text--${tone}`} aria-hidden>
          {t(`availability.short.${tone}`)}
        </span>
      )}
      {open && (
        <div id={detailsId} className="availability__details" data-testid="availability-details">
          {withStock.map((variant) => (
            <div key={variant.id} className="availability__variant">
              {variants.length > 1 && (
                <p className="availability__sku">
                  <span className="sku">{variant.sku}</span>{' '}
                  <span className="availability__variant-text">{availabilityText(t, format, variant.availability, variant.unit)}</span>
                </p>
              )}
              <ul className="availability__warehouses">
                {variant.stock.map((row) => (
                  <li key={row.warehouse.id}>
                    <span className="availability__warehouse">
                      {row.warehouse.name}
                      {row.warehouse.city && <span className="availability__city"> · {row.warehouse.city}</span>}
                    </span>
                    <StockQuantityText quantity={row.available} unit={variant.unit} />
                    {row.incoming.map((incoming) => (
                      <span key={incoming.expectedDate} className="availability__incoming">
                        {t('availability.incomingOn', {
                          quantity: incomingText(t, format, incoming.quantity, variant.unit),
                          date: format.date(incoming.expectedDate),
                        })}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Incoming supply's quantity: «+24 шт.» or its band. */
export function incomingText(
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  quantity: WarehouseStockPartsFragment['incoming'][number]['quantity'],
  unit: Unit,
): string {
  return quantity.exact !== null && quantity.exact !== undefined
    ? format.quantity(quantity.exact, unit)
    : t(`availability.band.${quantity.band}`);
}
