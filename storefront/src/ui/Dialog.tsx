import { useId, useRef, type ReactNode } from 'react';
import { useModalFocus } from '../lib/useModalFocus';

/**
 * A modal dialog: named by its title, focus moves in on open, stays inside (Tab wraps),
 * Escape or the backdrop closes it, the page behind does not scroll, and focus returns to
 * what opened it (`useModalFocus`, shared with the catalog's filters sheet).
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useModalFocus(open, panel, onClose);

  if (!open) return null;
  return (
    <div className="ui-dialog__backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={panel} className="ui-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId} className="ui-dialog__title">
          {title}
        </h2>
        <div className="ui-dialog__body">{children}</div>
        {footer && <div className="ui-dialog__footer">{footer}</div>}
      </div>
    </div>
  );
}
