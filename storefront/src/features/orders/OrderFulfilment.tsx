import { useTranslation } from 'react-i18next';
import type { FulfilmentState, OrderWorkflowPartsFragment, Unit } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Badge } from '../../ui';
import { UnitStatusBar } from './UnitStatusBar';

type Progress = NonNullable<OrderWorkflowPartsFragment['progress']>;
type Dispatch = OrderWorkflowPartsFragment['dispatches'][number];

const STATE_TONE: Record<FulfilmentState, 'neutral' | 'info' | 'success' | 'warning'> = {
  NOT_STARTED: 'neutral',
  IN_PROGRESS: 'info',
  PARTIALLY_SHIPPED: 'warning',
  SHIPPED: 'info',
  DELIVERED: 'success',
  CANCELLED: 'neutral',
};

/** «12 из 14 строк готовы, 3 отгрузки»: the plural of the whole names the lines, of the part the verb. */
export function useProgressSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  return (progress: Pick<Progress, 'lineCount' | 'linesReady' | 'dispatchCount'>) => {
    const of = t('orderWorkflow.progress.linesOf', { count: progress.lineCount, formatted: format.number(progress.lineCount) });
    const lines = t('orderWorkflow.progress.ready', { count: progress.linesReady, formatted: format.number(progress.linesReady), of });
    const dispatches = t('orderWorkflow.progress.dispatches', { count: progress.dispatchCount, formatted: format.number(progress.dispatchCount) });
    return t('orderWorkflow.progress.summary', { lines, dispatches });
  };
}

/** The order's fulfilment, derived by the API from its lines: state, lines ready, dispatches, units. */
export function OrderProgressSection({ progress, unit }: { progress: Progress; unit: Unit | null }) {
  const { t } = useTranslation();
  const summary = useProgressSummary();
  return (
    <section className="net-card order-section" aria-labelledby="order-progress">
      <h2 id="order-progress">{t('orderWorkflow.progress.title')}</h2>
      <p className="order-progress__head">
        <Badge tone={STATE_TONE[progress.state]}>{t(`orderWorkflow.progress.state.${progress.state}`)}</Badge>
        <span>{summary(progress)}</span>
      </p>
      {/* Units of different lines add up only when the lines share one unit. */}
      {unit && <UnitStatusBar units={progress.units} unit={unit} />}
    </section>
  );
}

/** What was shipped: each dispatch with its documents, carrier, tracking, lines and packing list. */
export function OrderDispatches({ dispatches }: { dispatches: Dispatch[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (dispatches.length === 0) return null;
  return (
    <section className="net-card order-section" aria-labelledby="order-dispatches">
      <h2 id="order-dispatches">{t('orderWorkflow.dispatches.title')}</h2>
      <ol className="order-dispatches">
        {dispatches.map((dispatch) => (
          <li key={dispatch.id} className="order-dispatch">
            <p className="order-dispatch__head">
              <strong>{dispatch.number}</strong>
              <span>{t('orderWorkflow.dispatches.shippedAt', { date: format.date(dispatch.shippedAt) })}</span>
              {dispatch.warehouseName && <span className="net-muted">{dispatch.warehouseName}</span>}
            </p>
            <p className="order-dispatch__facts">
              {dispatch.documentNumber && <span>{t('orderWorkflow.dispatches.document', { number: dispatch.documentNumber })}</span>}
              {dispatch.carrierName && <span>{t('orderWorkflow.dispatches.carrier', { name: dispatch.carrierName })}</span>}
              {dispatch.trackingNumber && <span>{t('orderWorkflow.dispatches.tracking', { number: dispatch.trackingNumber })}</span>}
            </p>
            <ul className="order-shipment__lines">
              {dispatch.lines.map((item) => (
                <li key={item.line.id}>
                  <span className="order-line__sku">{item.sku}</span> {item.name}: {format.quantity(item.quantity, item.line.unit)}
                </li>
              ))}
            </ul>
            {dispatch.comment && <p className="net-muted">{dispatch.comment}</p>}
            <a
              className="order-dispatch__print"
              href={dispatch.packingListUrl}
              target="_blank"
              rel="noopener"
              aria-label={t('orderWorkflow.dispatches.packingListLabel', { number: dispatch.number })}
            >
              {t('orderWorkflow.dispatches.packingList')}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
