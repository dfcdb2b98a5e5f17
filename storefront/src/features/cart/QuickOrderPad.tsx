import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { QuickOrderAddDocument } from '../../gql/graphql';
import { Button, TextArea } from '../../ui';
import { CheckoutErrors } from './CheckoutErrors';
import { LineReportList } from './LineReportList';
import { minimumQuantity, variantRules } from './quantityRules';
import { SkuSuggest } from './SkuSuggest';
import { useBuyerArgument } from '../checkout/orderBuyer';

/**
 * The quick-order pad: lines typed or pasted from Excel («KR-FAS-0003-10 12», «…;12 шт», tabs),
 * a SKU search that appends a line with the item's minimum, and the row-by-row report of the
 * API's `quickOrderAdd`.
 */
export function QuickOrderPad() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const buyer = useBuyerArgument();
  const [state, send] = useMutation(QuickOrderAddDocument);
  const answer = state.data?.quickOrderAdd;

  const submit = async () => {
    if (!text.trim()) return;
    const result = await send({ buyer, text });
    const sent = result.data?.quickOrderAdd;
    // Every line went in: the pad is ready for the next ones.
    if (sent && sent.errors.length === 0 && sent.skippedCount === 0) setText('');
  };

  return (
    <section className="quick-order" aria-labelledby="quick-order-title" data-testid="quick-order">
      <h2 id="quick-order-title">{t('cart.quickOrder.title')}</h2>
      <p className="quick-order__text">{t('cart.quickOrder.text')}</p>
      <SkuSuggest
        onPick={(item) => {
          const line = `${item.sku} ${minimumQuantity(variantRules(item.variant))}`;
          setText((current) => (current.trim() ? `${current.replace(/\s+$/, '')}\n${line}` : line));
        }}
      />
      <TextArea
        label={t('cart.quickOrder.lines')}
        hint={t('cart.quickOrder.hint')}
        rows={5}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <div>
        <Button variant="primary" busy={state.fetching} disabled={!text.trim()} onClick={() => void submit()}>
          {t('cart.quickOrder.submit')}
        </Button>
      </div>
      <CheckoutErrors errors={answer?.errors} error={state.error} />
      {answer && answer.report.length > 0 && <LineReportList report={answer.report} source="QUICK_ORDER" />}
    </section>
  );
}
