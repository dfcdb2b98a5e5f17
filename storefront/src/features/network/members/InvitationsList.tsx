/** The organization's invitations, pending or all, with a revoke button on the pending ones. */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../../api/errors';
import {
  InvitationRevokeDocument,
  InvitationsDocument,
  type InvitationRowFragment,
  type InvitationStatus,
} from '../../../gql/graphql';
import { useFormat } from '../../../i18n/useFormat';
import { useListParams } from '../../../lib/useListParams';
import { usePagedQuery } from '../../../lib/usePagedQuery';
import { actionsColumn, Alert, Badge, EmptyState, SegmentedControl } from '../../../ui';
import { PagedList } from '../../../ui/PagedList';
import { useCurrency } from './memberOptions';

const invitation = createColumnHelper<InvitationRowFragment>();

type InvitationView = 'PENDING' | 'ALL';

export function InvitationsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = useCurrency();
  // Beside the members list on the same screen: its own page and filter in the URL.
  const list = useListParams({ page: 'invitationsPage' });
  const view: InvitationView = list.params.get('invitations') === 'all' ? 'ALL' : 'PENDING';
  const status: InvitationStatus | null = view === 'PENDING' ? 'PENDING' : null;
  const invitations = usePagedQuery(
    list,
    {
      query: InvitationsDocument,
      variables: { ...list.pageArgs, status },
      requestPolicy: 'cache-and-network',
      context: useMemo(() => ({ additionalTypenames: ['Invitation'] }), []),
    },
    (result) => result.invitations,
  );
  const [, revoke] = useMutation(InvitationRevokeDocument);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onRevoke = async (row: InvitationRowFragment) => {
    setRevoking(row.id);
    setProblem(null);
    const result = await revoke({ id: row.id });
    setRevoking(null);
    const first = result.data?.invitationRevoke?.errors[0];
    if (first) setProblem({ code: first.code, detail: first.message });
    else if (result.error) setProblem(problemOf(result.error));
    invitations.refresh();
  };

  const tone = (s: InvitationStatus) => (s === 'PENDING' ? 'info' : s === 'ACCEPTED' ? 'success' : s === 'EXPIRED' ? 'warning' : 'neutral');

  const columns = useMemo(
    () => [
      invitation.accessor('email', { header: t('network.fields.email') }),
      invitation.accessor('role', {
        header: t('network.members.columns.role'),
        cell: ({ row }) => row.original.customRole?.name ?? t(`roles.${row.original.role}`),
      }),
      invitation.accessor((row) => Number(row.spendingLimit ?? Infinity), {
        id: 'limit',
        header: t('network.members.columns.limit'),
        meta: { align: 'end', className: 'ui-col-wide' },
        cell: ({ row }) =>
          row.original.spendingLimit ? format.money(row.original.spendingLimit, currency) : t('network.members.noLimit'),
      }),
      invitation.accessor('status', {
        header: t('network.members.columns.status'),
        cell: ({ getValue }) => <Badge tone={tone(getValue())}>{t(`network.invitationStatus.${getValue()}`)}</Badge>,
      }),
      invitation.accessor('expiresAt', {
        header: t('network.invitations.expires'),
        cell: ({ getValue }) => format.dateTime(getValue()),
      }),
      actionsColumn<InvitationRowFragment>(t('network.actions'), (row) =>
        row.status === 'PENDING'
          ? [
              {
                label: t('network.invitations.revoke'),
                name: t('network.invitations.revokeFor', { email: row.email }),
                variant: 'ghost',
                busy: revoking === row.id,
                onClick: () => void onRevoke(row),
              },
            ]
          : [],
      ),
    ],
    [t, format, currency, revoking],
  );

  return (
    <section className="net-card" aria-labelledby="invitations-heading" data-testid="invitations">
      <div className="net-page__head">
        <h2 id="invitations-heading">{t('network.invitations.title')}</h2>
        <SegmentedControl<InvitationView>
          label={t('network.invitations.show')}
          value={view}
          onChange={(next) => list.setFilter('invitations', next === 'ALL' ? 'all' : '')}
          segments={[
            { value: 'PENDING', label: t('network.invitations.pending') },
            { value: 'ALL', label: t('network.invitations.all') },
          ]}
        />
      </div>
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
      <PagedList
        list={list}
        result={invitations}
        caption={t('network.invitations.title')}
        columns={columns}
        pagesLabel={t('network.invitations.pages')}
        empty={<EmptyState title={view === 'PENDING' ? t('network.invitations.emptyPending') : t('network.invitations.empty')} />}
        skeletonRows={2}
      />
    </section>
  );
}
