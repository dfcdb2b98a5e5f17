import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { BankRowIgnoreWithReasonDocument, type BankRowPartsFragment } from '../../gql/graphql';
import { Button, Dialog, TextField } from '../../ui';
import { CreditProblems } from './CreditProblems';

/** Sets a row aside (not a client's payment) with the reason, which the seller's audit keeps. */
export function BankRowIgnoreDialog({ row, onClose, onDone }: { row: BankRowPartsFragment; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, ignore] = useMutation(BankRowIgnoreWithReasonDocument);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const submit = async () => {
    if (!reason.trim()) return setMissing(true);
    setProblems([]);
    const result = await ignore({ row: row.id, reason: reason.trim() });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.bankRowIgnore;
    if (payload?.row) onDone(t('creditManage.bank.ignoreDialog.done'));
    else setProblems((payload?.errors ?? []).map((error) => ({ code: error.code, detail: error.message })));
  };

  return (
    <Dialog
      open
      title={t('creditManage.bank.ignoreDialog.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('creditManage.bank.ignoreDialog.cancel')}
          </Button>
          <Button variant="primary" busy={fetching} onClick={() => void submit()}>
            {t('creditManage.bank.ignoreDialog.submit')}
          </Button>
        </>
      }
    >
      <div className="finance-form">
        <CreditProblems problems={problems} />
        <p className="finance-purpose">{row.purpose}</p>
        <TextField
          label={t('creditManage.bank.ignoreDialog.reason')}
          value={reason}
          autoComplete="off"
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          error={missing ? t('creditManage.account.reasonRequired') : undefined}
        />
      </div>
    </Dialog>
  );
}
