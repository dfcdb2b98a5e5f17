import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import {
  canStepDown,
  minimumQuantity,
  quantityProblem,
  stepDown,
  stepQuantity,
  stepUp,
  type QuantityRulesInput,
} from './quantityRules';
import './cart.css';

/**
 * A quantity with − and + that move by the item's step, never below its minimum. A typed
 * quantity that breaks the rules stays as typed: the stepper says why and offers the nearest
 * valid quantity to take with one tap (it never changes what a person typed by itself).
 */
export function QuantityStepper({
  rules,
  value,
  onChange,
  label,
  onCommit,
  disabled = false,
}: {
  rules: QuantityRulesInput;
  /** The text in the field, as typed. */
  value: string;
  onChange: (value: string) => void;
  /** The field's accessible name, e.g. «Количество, KR-FAS-0003-10». */
  label: string;
  /** Enter pressed or the field left: a cart line sends its new quantity then. */
  onCommit?: (value: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const problemId = useId();
  const problem = quantityProblem(rules, value);
  const set = (next: string) => {
    onChange(next);
    onCommit?.(next);
  };
  return (
    <div className="quantity-stepper" data-testid="quantity-stepper">
      <div className="quantity-stepper__controls" role="group" aria-label={label}>
        <button
          type="button"
          className="quantity-stepper__button"
          aria-label={t('cart.stepper.decrease')}
          disabled={disabled || !canStepDown(rules, value)}
          onClick={() => set(stepDown(rules, value))}
        >
          −
        </button>
        <input
          className="quantity-stepper__input"
          inputMode="decimal"
          autoComplete="off"
          aria-label={label}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => onCommit?.(value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onCommit?.(value);
            }
          }}
        />
        <span className="quantity-stepper__unit" aria-hidden>
          {format.unit(rules.unit)}
        </span>
        <button
          type="button"
          className="quantity-stepper__button"
          aria-label={t('cart.stepper.increase')}
          disabled={disabled}
          onClick={() => set(stepUp(rules, value))}
        >
          +
        </button>
      </div>
      {problem && (
        <p id={problemId} className="quantity-stepper__problem" role="status">
          {t(`cart.quantityProblem.${problem.code}`, {
            minimum: format.quantity(minimumQuantity(rules), rules.unit),
            step: format.quantity(stepQuantity(rules), rules.unit),
          })}
          {problem.nearest !== null && (
            <button
              type="button"
              className="quantity-stepper__take"
              disabled={disabled}
              onClick={() => set(problem.nearest!)}
            >
              {t('cart.stepper.take', { quantity: format.quantity(problem.nearest, rules.unit) })}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
