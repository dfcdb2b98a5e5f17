import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { OrderCopyToCartDocument, type OrderCopyToCartMutation } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { Button, Dialog } from '../../ui';
import { compareDecimal } from '../prices/decimal';

type Report = NonNullable<OrderCopyToCartMutation['orderCopyToCart']>['report'];

/**
 * «Повторить в корзину»: the order's lines into the cart at today's prices. What the API reports
 * is shown line by line: the prices that changed (before → after) and the lines no longer
 * available, with the reason.
 */
export function CopyToCart({ order }: { order: { id: string; currency: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ fetching }, copy] = useMutation(OrderCopyToCartDocument);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onCopy = async () => {
    setProblem(null);
    const result = await copy({ order: order.id, replace: false });
    const payload = result.data?.orderCopyToCart;
    if (result.error) setProblem(problemOf(result.error));
    else if (payload?.errors[0]) setProblem({ code: payload.errors[0].code, detail: payload.errors[0].message });
    else if (payload) setReport(payload.report);
  };

  const added = report?.filter((line) => line.status === 'ADDED') ?? [];
  const skipped = report?.filter((line) => line.status === 'SKIPPED') ?? [];
  const changed = added.filter((line) => line.priceBefore && line.priceAfter && compareDecimal(line.priceBefore, line.priceAfter) !== 0);
  return (
    <>
      <Button variant="primary" onClick={() => void onCopy()} busy={fetching}>
        {t('orders.copy.button')}
      </Button>
      {problem && (
        <p className="orders-problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
      <Dialog
        open={report !== null}
        title={t('orders.copy.title')}
        onClose={() => setReport(null)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setReport(null)}>
              {t('orders.copy.close')}
            </Button>
            <Link className="ui-button ui-button--primary ui-button--md" to="/cart">
              {t('orders.copy.toCart')}
            </Link>
          </>
        }
      >
        <p>{t('orders.copy.added', { count: added.length, formatted: format.number(added.length) })}</p>
        {changed.length > 0 && (
          <>
            <h3 className="order-report__title">{t('orders.copy.pricesChanged')}</h3>
            <ul className="order-report">
              {changed.map((line) => (
                <li key={line.row}>
                  <span className="order-line__sku">{line.sku}</span>{' '}
                  {t('orders.copy.priceChange', {
                    before: format.money(line.priceBefore, order.currency),
                    after: format.money(line.priceAfter, order.currency),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {skipped.length > 0 && (
          <>
            <h3 className="order-report__title">{t('orders.copy.unavailable', { count: skipped.length, formatted: format.number(skipped.length) })}</h3>
            <ul className="order-report">
              {skipped.map((line) => (
                <li key={line.row}>
                  <span className="order-line__sku">{line.sku}</span>{' '}
                  {line.code ? t(`errors.${line.code}`, { defaultValue: line.message ?? '' }) : line.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </Dialog>
    </>
  );
}
