import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog } from '../../ui';
import type { PriceChange } from './usePlaceOrder';

/**
 * PRICES_CHANGED: what each changed line cost when the cart was shown and what it costs now,
 * then the buyer decides: place at the new prices, or go back to the cart.
 */
export function PriceChangesDialog({
  changes,
  currency,
  busy,
  onAccept,
  onBack,
}: {
  changes: PriceChange[] | null;
  currency: string;
  busy: boolean;
  onAccept: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const price = (value: string | null | undefined) => (value ? format.money(value, currency) : t('checkout.prices.none'));
  return (
    <Dialog
      open={changes !== null}
      title={t('checkout.prices.title')}
      onClose={onBack}
      footer={
        <>
          <Button onClick={onBack}>{t('checkout.prices.back')}</Button>
          <Button variant="primary" busy={busy} onClick={onAccept}>
            {t('checkout.prices.accept')}
          </Button>
        </>
      }
    >
      <p>{t('checkout.prices.lead', { count: changes?.length ?? 0, formatted: format.number(changes?.length ?? 0) })}</p>
      <ul className="price-changes" data-testid="price-changes">
        {(changes ?? []).map((change) => (
          <li key={change.sku} className="price-change">
            <span className="price-change__item">
              <span className="sku">{change.sku}</span> {change.name}
            </span>
            <span className="price-change__prices">
              {t('checkout.prices.change', { before: price(change.before), after: price(change.after) })}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
