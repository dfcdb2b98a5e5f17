import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ResaleMarkupClearDocument, ResaleMarkupDocument, ResaleMarkupSetDocument, type ResaleMarkupRuleFragment } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Alert, Button, Dialog, ErrorState, SelectField, Skeleton, TextField } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { useViewer } from '../../../auth/ViewerProvider';
import { compareDecimal } from '../../decimal';
import { PricesPage } from '../PricesPage';
import { PriceRulesErrors } from '../PriceRulesErrors';
import { useRuleAnswer } from '../useRuleAnswer';
import '../priceAudience.css';
import { applyMarkup, percentInput, percentProblem, type MarkupRounding, type MarkupRule } from './markupFormula';

/** Purchase prices the example shows: a round one, and one where the rounding shows. */
const EXAMPLE_PURCHASES = ['1000.00', '1234.56'];
const DEFAULTS = { factor: '1', amount: '0' };

export default function MarkupPage() {
  const { t } = useTranslation();
  return <PricesPage section="markup" title={t('prices.admin.markup.title')}>{(management) => <MarkupScreen canEdit={management.canEdit} />}</PricesPage>;
}

function MarkupScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: ResaleMarkupDocument, requestPolicy: 'cache-and-network' });
  const [clearing, setClearing] = useState(false);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (!result.data) {
    return result.error ? (
      <ErrorState error={result.error} onRetry={refresh} />
    ) : (
      <div className="net-card" aria-busy>
        <Skeleton height="28px" />
        <Skeleton height="28px" />
      </div>
    );
  }
  const current = result.data.resaleMarkups.edges[0]?.node ?? null;
  return (
    <>
      <section className="net-card price-audience" aria-labelledby="markup-current">
        <h2 id="markup-current">{t('prices.admin.markup.current')}</h2>
        <CurrentRule markup={current} />
        <p className="net-muted">{t('prices.admin.markup.appliesTo')}</p>
        {current && canEdit && (
          <Button variant="danger" onClick={() => setClearing(true)}>
            {t('prices.admin.markup.clear')}
          </Button>
        )}
      </section>
      {canEdit && <MarkupForm key={current?.updatedAt ?? 'none'} current={current} onSaved={refresh} />}
      {clearing && <ClearDialog onClose={() => setClearing(false)} onDone={refresh} />}
    </>
  );
}

function ruleOf(markup: ResaleMarkupRuleFragment): MarkupRule {
  return { factor: markup.factor, percent: markup.percent, amount: markup.amount, rounding: markup.rounding };
}

/** "Закупочная цена + 25 %, до копеек", with the factor and amount when they are not neutral. */
function useRuleText() {
  const { t } = useTranslation();
  const format = useFormat();
  const { organization } = useViewer();
  const currency = organization?.currency ?? 'RUB';
  return (rule: MarkupRule) => {
    const parts = [t('prices.admin.markup.formula', { percent: format.percent(rule.percent) })];
    if (compareDecimal(rule.factor, '1') !== 0) parts.push(t('prices.admin.markup.factor', { factor: format.number(rule.factor, 6) }));
    if (compareDecimal(rule.amount, '0') !== 0) parts.push(t('prices.admin.markup.amount', { amount: format.money(rule.amount, currency) }));
    parts.push(t(`prices.admin.markup.rounding.${rule.rounding}`));
    return parts.join(', ');
  };
}

function CurrentRule({ markup }: { markup: ResaleMarkupRuleFragment | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ruleText = useRuleText();
  if (!markup) {
    return (
      <Alert tone="info" title={t('prices.admin.markup.none')}>
        <p>{t('prices.admin.markup.noneText')}</p>
      </Alert>
    );
  }
  return (
    <div data-testid="markup-current">
      <p className="price-audience__rule">{ruleText(ruleOf(markup))}</p>
      <p className="net-muted">{t('prices.admin.markup.updated', { date: format.dateTime(markup.updatedAt) })}</p>
    </div>
  );
}

function Example({ rule }: { rule: MarkupRule | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { organization } = useViewer();
  const currency = organization?.currency ?? 'RUB';
  return (
    <div className="price-audience__example" aria-live="polite" data-testid="markup-example">
      <p className="ui-field__label">{t('prices.admin.markup.example')}</p>
      {rule ? (
        <ul>
          {EXAMPLE_PURCHASES.map((purchase) => (
            <li key={purchase}>
              {t('prices.admin.markup.exampleLine', { purchase: format.money(purchase, currency), price: format.money(applyMarkup(purchase, rule), currency) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="net-muted">{t('prices.admin.markup.exampleWaiting')}</p>
      )}
    </div>
  );
}

function MarkupForm({ current, onSaved }: { current: ResaleMarkupRuleFragment | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [percent, setPercent] = useState(current ? format.number(current.percent) : '');
  const [rounding, setRounding] = useState<MarkupRounding>(current?.rounding ?? 'CENT');
  const [touched, setTouched] = useState(false);
  const answer = useRuleAnswer();
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(ResaleMarkupSetDocument);

  const problem = percentProblem(percent);
  const rule: MarkupRule | null = problem
    ? null
    : { factor: current?.factor ?? DEFAULTS.factor, amount: current?.amount ?? DEFAULTS.amount, percent: percentInput(percent), rounding };
  const fieldError = answer.refusals.find((e) => e.field === 'percent');
  const percentError = (touched && problem ? t(`prices.admin.markup.invalid.${problem}`) : undefined) ?? (fieldError ? t('prices.admin.markup.invalid.server') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setSaved(false);
    if (!rule) return;
    answer.clear();
    const result = await save({ input: rule });
    if (!answer.settle(result.error, result.data?.resaleMarkupSet?.errors)) return;
    setSaved(true);
    onSaved();
  };

  return (
    <section className="net-card price-audience" aria-labelledby="markup-edit">
      <h2 id="markup-edit">{current ? t('prices.admin.markup.change') : t('prices.admin.markup.set')}</h2>
      <form className="price-audience__form" onSubmit={submit} noValidate>
        <ProblemAlerts problems={answer.problems} />
        <PriceRulesErrors errors={answer.refusals.filter((e) => e.field !== 'percent')} />
        <div className="price-audience__fields">
          <TextField
            label={t('prices.admin.markup.percent')}
            hint={t('prices.admin.markup.percentHint')}
            inputMode="decimal"
            value={percent}
            onChange={(e) => {
              setPercent(e.target.value);
              answer.clearRefusals();
            }}
            onBlur={() => setTouched(true)}
            error={percentError}
            endAdornment={<span className="price-audience__unit">%</span>}
          />
          <SelectField
            label={t('prices.admin.markup.roundingLabel')}
            value={rounding}
            onChange={(e) => setRounding(e.target.value as MarkupRounding)}
            options={[
              { value: 'CENT', label: t('prices.admin.markup.roundingOption.CENT') },
              { value: 'WHOLE', label: t('prices.admin.markup.roundingOption.WHOLE') },
            ]}
          />
        </div>
        <Example rule={rule} />
        {saved && <Alert tone="success">{t('prices.admin.markup.saved')}</Alert>}
        <div className="net-form__actions">
          <Button type="submit" variant="primary" busy={fetching}>
            {t('prices.admin.markup.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ClearDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, clear] = useMutation(ResaleMarkupClearDocument);
  const answer = useRuleAnswer();
  const confirm = async () => {
    answer.clear();
    const result = await clear({});
    if (!answer.settle(result.error, result.data?.resaleMarkupClear?.errors)) return;
    onDone();
    onClose();
  };
  return (
    <Dialog
      open
      title={t('prices.admin.markup.clearTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button variant="danger" onClick={confirm} busy={fetching}>
            {t('prices.admin.markup.clearConfirm')}
          </Button>
        </>
      }
    >
      <p>{t('prices.admin.markup.clearText')}</p>
      <ProblemAlerts problems={answer.problems} />
      <PriceRulesErrors errors={answer.refusals} />
    </Dialog>
  );
}
