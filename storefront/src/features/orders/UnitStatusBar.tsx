import { useTranslation } from 'react-i18next';
import type { LineUnitsPartsFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { unitParts } from './unitStatuses';

/**
 * A line's (or the order's) units by status: a bar with a segment per status as wide as its
 * share, and a legend naming each with its quantity. The bar is an image whose text
 * alternative says the same as the legend, so nothing depends on telling colours apart.
 */
export function UnitStatusBar({ units, unit }: { units: LineUnitsPartsFragment; unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = unitParts(units).map((part) => ({
    ...part,
    text: t('orderWorkflow.units.part', { status: t(`orderWorkflow.units.status.${part.status}`), quantity: format.quantity(part.quantity, unit) }),
  }));
  if (parts.length === 0) return null;
  return (
    <div className="unit-status">
      <div className="unit-status__bar" role="img" aria-label={t('orderWorkflow.units.barLabel', { parts: parts.map((part) => part.text).join(', ') })}>
        {parts.map((part) => (
          <span
            key={part.status}
            className={`unit-status__segment unit-status--${part.status.toLowerCase()}`}
            style={{ width: `${part.percent}%` }}
            title={part.text}
          />
        ))}
      </div>
      <ul className="unit-status__legend" aria-hidden>
        {parts.map((part) => (
          <li key={part.status}>
            <span className={`unit-status__swatch unit-status--${part.status.toLowerCase()}`} />
            {part.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
