import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { innProblem } from './inn';

/** The hint under an INN field: what to type, then whether the check digits match. */
export function useInnHint(value: string | undefined): string {
  const { t } = useTranslation();
  const problem = innProblem(value ?? '');
  if (problem === 'empty') return t('network.inn.hint');
  if (problem === null) return `✓ ${t('network.inn.ok')}`;
  if (problem === 'length' && /^\d+$/.test((value ?? '').replace(/\s+/g, '')) && (value ?? '').replace(/\s+/g, '').length < 10) {
    return t('network.inn.hint');
  }
  return t(`network.inn.${problem}`);
}

/**
 * The INN field's check before sending, in the words of its hint. A field that shows an error
 * shows no hint (`hint={errors.inn ? undefined : innHint}`): it says what is wrong once.
 */
export function innRule(t: TFunction) {
  return {
    validate: (value: string) => {
      const problem = innProblem(value);
      if (problem === 'empty') return t('validation.required');
      return problem === null || t(`network.inn.${problem}`);
    },
  };
}
