import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from '@urql/core';
import { describeProblem, problemOf, type ApiProblem } from '../api/errors';
import { Button } from './Button';

/** What a signing mutation answered: its transport error, or its payload. */
export interface SignedLink {
  error?: CombinedError;
  payload?: { url?: string | null; errors: ReadonlyArray<{ code: string; message: string }> } | null;
}

/**
 * A button for a workbook the API builds for the screen as shown (an export): the API signs a
 * short-lived link (a download cannot carry the Authorization header) and the browser fetches it;
 * a refusal is said under the button.
 */
export function SignedDownloadButton({
  label,
  sign,
  download,
}: {
  label: string;
  sign: (language: 'ru' | 'en') => Promise<SignedLink>;
  download: (url: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onClick = async () => {
    setBusy(true);
    setProblem(null);
    const { error, payload } = await sign(i18n.language.startsWith('en') ? 'en' : 'ru');
    setBusy(false);
    if (error) setProblem(problemOf(error));
    else if (payload?.url) download(payload.url);
    else {
      const [first] = payload?.errors ?? [];
      setProblem(first ? { code: first.code, detail: first.message } : { code: 'UNKNOWN', detail: '' });
    }
  };

  return (
    <div className="orders-export">
      <Button onClick={onClick} busy={busy}>
        {label}
      </Button>
      {problem && (
        <p className="orders-export__problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </div>
  );
}
