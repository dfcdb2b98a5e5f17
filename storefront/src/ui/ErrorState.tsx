import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { describeProblem, problemOf } from '../api/errors';
import { Alert } from './Alert';
import { Button } from './Button';

/** A failed request as a readable message with a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: CombinedError; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="error"
      title={title ?? t('errors.loadFailed')}
      action={
        onRetry && (
          <Button size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      {describeProblem(t, problemOf(error))}
    </Alert>
  );
}
