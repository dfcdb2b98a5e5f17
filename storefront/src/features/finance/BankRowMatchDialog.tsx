import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { BankMatchAccountsDocument, BankRowMatchManualDocument, ManagedAccountInvoicesDocument, type BankRowPartsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/useFormat';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Button, Dialog, SelectField, TextField } from '../../ui';
import { CreditProblems } from './CreditProblems';

/**
 * Matches an unmatched row by hand: the client's account (searched by name or INN, the payer's INN
 * to start with) and, optionally, the invoice paid first; the API records the payment.
 */
export function BankRowMatchDialog({ row, onClose, onDone }: { row: BankRowPartsFragment; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState(row.payerInn);
  const settled = useDebouncedValue(search.trim(), 300);
  const [{ data: found }] = useQuery({ query: BankMatchAccountsDocument, variables: { search: settled || null } });
  const accounts = (found?.creditAccounts.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const [account, setAccount] = useState('');
  const [invoice, setInvoice] = useState('');
  const [{ data: open }] = useQuery({ query: ManagedAccountInvoicesDocument, variables: { account }, pause: !account });
  const invoices = account ? (open?.invoices.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : [])) : [];
  const [{ fetching }, match] = useMutation(BankRowMatchManualDocument);
  const [missing, setMissing] = useState(false);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const submit = async () => {
    if (!account) return setMissing(true);
    setProblems([]);
    const result = await match({ row: row.id, account, invoice: invoice || null });
    if (result.error) return setProblems([problemOf(result.error)]);
    const payload = result.data?.bankRowMatch;
    const client = accounts.find((candidate) => candidate.id === account)?.buyer.name ?? '';
    if (payload?.row) onDone(t('creditManage.bank.matchDialog.done', { client }));
    else setProblems((payload?.errors ?? []).map((error) => ({ code: error.code, detail: error.message })));
  };

  return (
    <Dialog
      open
      title={t('creditManage.bank.matchDialog.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('creditManage.bank.matchDialog.cancel')}
          </Button>
          <Button variant="primary" busy={fetching} onClick={() => void submit()}>
            {t('creditManage.bank.matchDialog.submit')}
          </Button>
        </>
      }
    >
      <div className="finance-form">
        <p>
          <strong>{t('creditManage.bank.matchDialog.summary', { amount: format.money(row.amount.amount, row.amount.currency), payer: row.payerName || row.payerInn })}</strong>
        </p>
        <p className="finance-purpose net-muted">{row.purpose}</p>
        <CreditProblems problems={problems} />
        <TextField type="search" label={t('creditManage.bank.matchDialog.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField
          label={t('creditManage.bank.matchDialog.account')}
          value={account}
          error={missing ? t('creditManage.bank.matchDialog.accountRequired') : undefined}
          onChange={(event) => {
            setAccount(event.target.value);
            setInvoice('');
            setMissing(false);
          }}
          options={[
            { value: '', label: t('creditManage.bank.matchDialog.accountChoose') },
            ...accounts.map((candidate) => ({
              value: candidate.id,
              label: [candidate.buyer.name, candidate.buyer.inn ? t('creditManage.inn', { inn: candidate.buyer.inn }) : ''].filter(Boolean).join(', '),
            })),
          ]}
        />
        <SelectField
          label={t('creditManage.bank.matchDialog.invoice')}
          value={invoice}
          disabled={!account}
          onChange={(event) => setInvoice(event.target.value)}
          options={[
            { value: '', label: t('creditManage.bank.matchDialog.invoiceOldest') },
            ...invoices.map((candidate) => ({
              value: candidate.id,
              label: t('creditManage.account.payment.invoiceOption', {
                number: candidate.number,
                amount: format.money(candidate.remaining.amount, candidate.remaining.currency),
                date: format.date(candidate.dueOn),
              }),
            })),
          ]}
        />
      </div>
    </Dialog>
  );
}
