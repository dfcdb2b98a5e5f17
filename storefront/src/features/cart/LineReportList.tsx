import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CartLinesAddDocument, type CheckoutErrorPartsFragment, type LineReportPartsFragment, type LineSource } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button } from '../../ui';
import { parseDecimalInput } from '../prices/decimal';
import { CheckoutErrors } from './CheckoutErrors';
import { useBuyerArgument } from '../checkout/orderBuyer';

/**
 * What became of each pasted (or loaded) line: added with its quantity, or skipped with the
 * reason; a skipped line offers its fixes to tap (a suggested SKU instead of an unknown one,
 * the nearest valid quantity), each added to the cart at once.
 */
export function LineReportList({ report, source }: { report: ReadonlyArray<LineReportPartsFragment>; source: LineSource }) {
  const { t } = useTranslation();
  const format = useFormat();
  const added = report.filter((row) => row.status === 'ADDED').length;
  const skipped = report.length - added;
  return (
    <section className="line-report-section" aria-label={t('cart.report.title')} data-testid="line-report">
      <p role="status">
        {t('cart.report.added', { count: added, formatted: format.number(added) })}
        {skipped > 0 && ` ${t('cart.report.skipped', { count: skipped, formatted: format.number(skipped) })}`}
      </p>
      <ul className="line-report">
        {report.map((row) => (
          <ReportRow key={`${row.sheet ?? ''}-${row.row}`} row={row} source={source} />
        ))}
      </ul>
    </section>
  );
}

function ReportRow({ row, source }: { row: LineReportPartsFragment; source: LineSource }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [fixed, setFixed] = useState<string | null>(null);
  const [errors, setErrors] = useState<CheckoutErrorPartsFragment[]>([]);
  const buyer = useBuyerArgument();
  const [state, add] = useMutation(CartLinesAddDocument);
  const typed = parseDecimalInput(row.quantityText);
  const unit = row.variant?.unit;
  const quantityText = (quantity: string) => (unit ? format.quantity(quantity, unit) : format.number(quantity));

  const addInstead = async (sku: string, quantity: string) => {
    const result = await add({ buyer, lines: [{ sku, quantity }], source });
    const answer = result.data?.cartLinesAdd;
    setErrors(answer?.errors ?? []);
    if (answer && answer.errors.length === 0) setFixed(t('cart.report.fixed', { sku, quantity: quantityText(quantity) }));
  };

  const skipped = row.status === 'SKIPPED' && fixed === null;
  return (
    <li className={skipped ? 'line-report__row line-report__row--skipped' : 'line-report__row'} data-testid="line-report-row">
      <span>
        {t('cart.report.row', { row: row.row })} <span className="sku">{row.sku || '—'}</span> {row.quantityText && `× ${row.quantityText}`}
        {' — '}
        {fixed ??
          (row.status === 'ADDED'
            ? t('cart.report.addedRow', { quantity: row.quantity ? quantityText(row.quantity) : row.quantityText })
            : row.code
              ? t(`errors.${row.code}`)
              : (row.message ?? ''))}
      </span>
      {skipped && (row.suggestions.length > 0 || row.nearestQuantity) && (
        <div className="line-report__fixes">
          {row.nearestQuantity && (
            <Button size="sm" variant="primary" busy={state.fetching} onClick={() => void addInstead(row.sku, row.nearestQuantity!)}>
              {t('cart.report.addNearest', { quantity: quantityText(row.nearestQuantity) })}
            </Button>
          )}
          {typed &&
            row.suggestions.map((sku) => (
              <Button key={sku} size="sm" busy={state.fetching} onClick={() => void addInstead(sku, typed)}>
                {t('cart.report.addInstead', { sku })}
              </Button>
            ))}
        </div>
      )}
      <CheckoutErrors errors={errors} error={state.error} {...(unit ? { unit } : {})} />
    </li>
  );
}
