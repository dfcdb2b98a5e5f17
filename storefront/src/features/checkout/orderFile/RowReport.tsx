import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem } from '../../../api/errors';
import { OrderFileFixDocument, type LineReportPartsFragment } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';
import { Badge, Button } from '../../../ui';
import { quantityFromText } from './mapping';

type Row = LineReportPartsFragment;
type Fix = { done: true; text: string } | { done: false; text: string };

/**
 * What became of each row of the file: added, or skipped with the reason. A skipped row can be
 * fixed where the API knows how: an unknown SKU's nearest matches, a quantity's nearest valid
 * one, each a button that adds that line to the cart. Cards, one per row, on every screen.
 */
export function RowReport({ rows, addedCount, skippedCount, buyer }: { rows: Row[]; addedCount: number; skippedCount: number; buyer: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [fixes, setFixes] = useState<Record<number, Fix>>({});
  const [{ fetching }, add] = useMutation(OrderFileFixDocument);
  const skipped = rows.filter((row) => row.status === 'SKIPPED');
  const fixed = Object.values(fixes).filter((fix) => fix.done).length;

  async function fix(row: Row, sku: string, quantity: string) {
    const result = await add({ buyer, lines: [{ sku, quantity }] });
    const answer = result.data?.cartLinesAdd;
    const error = answer?.errors[0];
    const text = error
      ? describeProblem(t, { code: error.code, detail: error.message })
      : answer
        ? t('orderFile.report.fixed', { sku, quantity: format.number(quantity) })
        : describeProblem(t, { code: 'GRAPHQL_ERROR', detail: result.error?.message ?? '' });
    setFixes((previous) => ({ ...previous, [row.row]: { done: !error && !!answer, text } }));
  }

  return (
    <div className="row-report" data-testid="row-report">
      <p className="row-report__summary" data-testid="row-report-summary">
        {t('orderFile.report.added', { count: addedCount, formatted: format.number(addedCount) })}
        {' · '}
        {t('orderFile.report.skipped', { count: skippedCount, formatted: format.number(skippedCount) })}
        {fixed > 0 && ` · ${t('orderFile.report.fixedCount', { count: fixed, formatted: format.number(fixed) })}`}
      </p>
      {skipped.length > 0 && (
        <ul className="row-report__cards">
          {skipped.map((row) => {
            const done = fixes[row.row];
            const quantity = quantityFromText(row.quantityText);
            return (
              <li key={`${row.sheet ?? ''}-${row.row}`} className="report-card" data-testid="report-card" data-row={row.row}>
                <div className="report-card__head">
                  <span className="report-card__row">{t('orderFile.report.row', { row: format.number(row.row) })}</span>
                  <span className="sku">{row.sku || '—'}</span>
                  <span className="report-card__quantity">{row.quantityText}</span>
                  <Badge tone={done?.done ? 'success' : 'warning'}>{done?.done ? t('orderFile.report.statusFixed') : t('orderFile.report.statusSkipped')}</Badge>
                </div>
                <p className="report-card__reason">{row.code ? describeProblem(t, { code: row.code, detail: row.message ?? '' }) : row.message}</p>
                {done ? (
                  <p className={done.done ? 'report-card__fixed' : 'report-card__error'} role={done.done ? 'status' : 'alert'}>
                    {done.text}
                  </p>
                ) : null}
                {!done?.done && (
                  <div className="report-card__fixes">
                    {row.suggestions.map((sku) => (
                      <Button key={sku} size="sm" disabled={fetching} onClick={() => void fix(row, sku, quantity ?? '1')}>
                        {t('orderFile.report.addSuggestion', { sku })}
                      </Button>
                    ))}
                    {row.nearestQuantity && row.sku && (
                      <Button size="sm" disabled={fetching} onClick={() => void fix(row, row.sku.trim(), row.nearestQuantity!)}>
                        {t('orderFile.report.addNearest', {
                          quantity: row.variant ? format.quantity(row.nearestQuantity, row.variant.unit) : format.number(row.nearestQuantity),
                        })}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
