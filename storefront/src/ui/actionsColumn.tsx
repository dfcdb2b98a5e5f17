import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useId } from 'react';
import { Button, type ButtonProps } from './Button';

export interface RowAction {
  /** The button's text, e.g. "Edit". */
  label: string;
  /** Its accessible name, which says what it acts on, e.g. "Edit: Anna Lebedeva". */
  name: string;
  onClick: () => void;
  variant?: ButtonProps['variant'];
  busy?: boolean;
  /** Offered but refused: the button is disabled and `note` says why (shown beside it). */
  disabled?: boolean;
  note?: string;
}

function RowActionButton({ action }: { action: RowAction }) {
  const noteId = useId();
  return (
    <>
      <Button
        size="sm"
        variant={action.variant}
        busy={action.busy}
        disabled={action.disabled}
        onClick={action.onClick}
        aria-label={action.name}
        aria-describedby={action.note ? noteId : undefined}
      >
        {action.label}
      </Button>
      {action.note && (
        <span id={noteId} className="ui-row-actions__note">
          {action.note}
        </span>
      )}
    </>
  );
}

/**
 * A table's column of row buttons: the header says `header` to screen readers only, and a row
 * for which `actions` returns none has an empty cell.
 */
export function actionsColumn<T>(header: string, actions: (row: T) => RowAction[]): ColumnDef<T, unknown> {
  return createColumnHelper<T>().display({
    id: 'actions',
    header: () => <span className="ui-visually-hidden">{header}</span>,
    cell: ({ row }) => {
      const buttons = actions(row.original);
      if (buttons.length === 0) return null;
      return (
        <span className="ui-row-actions">
          {buttons.map((action) => (
            <RowActionButton key={action.label} action={action} />
          ))}
        </span>
      );
    },
  });
}
