import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryErrorPartsFragment } from '../../gql/graphql';
import { Button, Dialog } from '../../ui';
import { PriceRulesErrors } from '../prices/admin/PriceRulesErrors';

/**
 * Asks before a stock row goes (a leftover offer, a planned supply): `run` sends the
 * mutation and answers its errors; none closes with `onDone`, any stays open and says them.
 */
export function ConfirmRemoval({
  title,
  action,
  busy,
  onClose,
  run,
  onDone,
  children,
}: {
  title: string;
  action: string;
  busy: boolean;
  onClose: () => void;
  run: () => Promise<InventoryErrorPartsFragment[]>;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [refusals, setRefusals] = useState<InventoryErrorPartsFragment[]>([]);
  const confirm = async () => {
    const errors = await run();
    if (errors.length === 0) onDone();
    else setRefusals(errors);
  };
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('stockAdmin.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {action}
          </Button>
        </>
      }
    >
      {children}
      <PriceRulesErrors errors={refusals} />
    </Dialog>
  );
}
