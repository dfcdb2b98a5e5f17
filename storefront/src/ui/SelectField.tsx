import { forwardRef, useId, type SelectHTMLAttributes, type ReactNode } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: SelectOption[];
  hideLabel?: boolean;
  inline?: boolean;
}

/** A labelled native select: keyboard and screen-reader behaviour come from the browser. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, options, hideLabel = false, inline = false, className, ...rest },
  ref,
) {
  const id = useId();
  return (
    <div className={['ui-field', inline ? 'ui-field--inline' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'ui-visually-hidden' : 'ui-field__label'}>
        {label}
      </label>
      <select ref={ref} id={id} className="ui-select" {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
});
