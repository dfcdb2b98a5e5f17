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
