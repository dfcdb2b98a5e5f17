import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../auth/ViewerProvider';

const SHOWN_FOR_MS = 8000;

/**
 * Confirms a switch of organization once every screen acts for the new one: «Вы работаете от
 * имени …», in a status region so screen readers announce it. The first organization a
 * session settles on is no switch and says nothing.
 */
export function OrganizationNotice() {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const previous = useRef<string | null>(null);
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    if (!organization) return;
    if (previous.current && previous.current !== organization.id) setName(organization.name);
    previous.current = organization.id;
  }, [organization]);

  useEffect(() => {
    if (!name) return undefined;
    const timer = window.setTimeout(() => setName(null), SHOWN_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [name]);

  // The region is always there: a live region added together with its text is often not read.
  return (
    <div className="shell-notice" role="status" data-testid="organization-notice">
      {name && (
        <p className="shell-notice__message">
          <span>{t('shell.switched', { organization: name })}</span>
          <button
            type="button"
            className="shell-notice__close"
            aria-label={t('shell.closeNotice')}
            onClick={() => setName(null)}
          >
            <span aria-hidden>×</span>
          </button>
        </p>
      )}
    </div>
  );
}
