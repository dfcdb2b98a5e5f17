import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useViewer } from '../auth/ViewerProvider';

export const SHELL_MENU_ID = 'shell-menu';

/**
 * The header's sections, organization, language and sign-out. On a wide screen they stand in
 * the header row; on a narrow one they fold behind one button that names the active
 * organization, so the header takes a single row (a disclosure: the button opens a panel).
 */
export function ShellMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { organization } = useViewer();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  // A chosen section or organization is the end of the errand: fold the panel away.
  useEffect(() => setOpen(false), [pathname, organization?.id]);

  useEffect(() => {
    if (!open) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    // A tap or the keyboard's focus elsewhere leaves the menu: it would cover the page.
    const onOutside = (event: Event) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="shell__menu-button"
        aria-expanded={open}
        aria-controls={SHELL_MENU_ID}
        aria-label={organization ? t('shell.menuFor', { organization: organization.name }) : t('shell.menu')}
        onClick={() => setOpen((value) => !value)}
      >
        {organization && (
          <span className="shell__menu-organization" data-testid="menu-organization" aria-hidden>
            {organization.name}
          </span>
        )}
        <MenuIcon open={open} />
      </button>
      <div id={SHELL_MENU_ID} ref={panelRef} className={['shell__menu', open ? 'shell__menu--open' : ''].join(' ')}>
        {children}
      </div>
    </>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg className="shell__menu-icon" viewBox="0 0 20 20" aria-hidden focusable="false">
      {open ? (
        <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
