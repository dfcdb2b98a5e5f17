import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PriceGroupDetailDocument, PriceGroupUpdateDocument, type PriceGroupDetailQuery } from '../../../../gql/graphql';
import { useFormat } from '../../../../i18n/useFormat';
import { Button, EmptyState, ErrorState, Skeleton } from '../../../../ui';
import { ProblemAlerts } from '../../../../ui/ProblemAlerts';
import { PricesPage } from '../PricesPage';
import { PriceRulesErrors } from '../PriceRulesErrors';
import type { PriceManagement } from '../access';
import { OrganizationPicker, type PickedOrganization } from '../pickers/OrganizationPicker';
import { useRuleAnswer } from '../useRuleAnswer';
import '../priceAudience.css';
import { DeleteGroupDialog, GroupNameDialog } from './GroupDialogs';
import { editableGroup } from './groupAccess';

type Group = Extract<NonNullable<PriceGroupDetailQuery['node']>, { members: unknown }>;

export default function PriceGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: PriceGroupDetailDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const group = node && 'members' in node ? (node as Group) : null;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <PricesPage section="groups" title={group?.name ?? t('prices.admin.groups.title')}>
      {(management) => (
        <>
          <p>
            <Link to="/prices/groups">{t('prices.admin.groups.back')}</Link>
          </p>
          {group ? (
            <GroupScreen group={group} management={management} onChanged={refresh} />
          ) : result.error ? (
            <ErrorState error={result.error} onRetry={refresh} />
          ) : result.data ? (
            <EmptyState title={t('prices.admin.groups.missing')} action={<Link to="/prices/groups">{t('prices.admin.groups.back')}</Link>} />
          ) : (
            <div className="net-card" aria-busy>
              <Skeleton height="28px" />
              <Skeleton height="28px" />
            </div>
          )}
        </>
      )}
    </PricesPage>
  );
}

function GroupScreen({ group, management, onChanged }: { group: Group; management: PriceManagement; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const editable = editableGroup(group, management);
  const [{ fetching }, update] = useMutation(PriceGroupUpdateDocument);
  const answer = useRuleAnswer();
  const [names, setNames] = useState<Record<string, string>>({});
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const change = async (input: { addMembers?: string[]; removeMembers?: string[] }) => {
    answer.clear();
    const result = await update({ id: group.id, input });
    if (!answer.settle(result.error, result.data?.priceGroupUpdate?.errors)) return;
    onChanged();
  };
  const add = (organization: PickedOrganization) => {
    setNames((known) => ({ ...known, [organization.id]: organization.name }));
    void change({ addMembers: [organization.id] });
  };
  const remove = async (id: string) => {
    setRemoving(id);
    await change({ removeMembers: [id] });
    setRemoving(null);
  };
  const memberRefusal = answer.refusals.find((e) => e.field === 'addMembers');

  return (
    <>
      <section className="net-card price-audience" aria-labelledby="group-summary">
        <h2 id="group-summary">{t('prices.admin.groups.summary')}</h2>
        <p>
          {t('prices.admin.groups.counts', {
            members: t('prices.admin.groups.memberCount', { count: group.memberCount, formatted: format.number(group.memberCount) }),
            assignments: t('prices.admin.groups.assignmentCount', { count: group.assignmentCount, formatted: format.number(group.assignmentCount) }),
          })}
        </p>
        {management.scope === 'staff' && group.owner && <p className="net-muted">{t('prices.admin.groups.ownedBy', { name: group.owner.name })}</p>}
        {editable && (
          <div className="net-form__actions">
            <Button onClick={() => setRenaming(true)}>{t('prices.admin.groups.rename')}</Button>
            <Button variant="ghost" onClick={() => setDeleting(true)}>
              {t('prices.admin.groups.delete')}
            </Button>
          </div>
        )}
      </section>
      <section className="net-card price-audience" aria-labelledby="group-members">
        <h2 id="group-members">{t('prices.admin.groups.members')}</h2>
        <ProblemAlerts problems={answer.problems} />
        <PriceRulesErrors
          errors={answer.refusals}
          names={names}
          explain={(error) => (error.code === 'MEMBER_OUTSIDE_SUBTREE' ? t('prices.admin.groups.outside') : null)}
        />
        {editable && (
          <OrganizationPicker
            label={t('prices.admin.groups.addMember')}
            onPick={add}
            exclude={group.members.map((m) => m.id)}
            error={memberRefusal ? t('prices.admin.groups.outsideShort') : undefined}
          />
        )}
        {group.members.length === 0 ? (
          <p className="net-muted">{t('prices.admin.groups.noMembers')}</p>
        ) : (
          <ul className="price-audience__members" aria-label={t('prices.admin.groups.members')} aria-busy={fetching || undefined}>
            {group.members.map((member) => (
              <li key={member.id}>
                <span className="price-audience__target">
                  <strong>{member.name}</strong>
                  <span className="net-muted">{[t(`organizationKind.${member.kind}`), member.region, member.inn && t('prices.admin.pickers.organization.inn', { inn: member.inn })].filter(Boolean).join(' · ')}</span>
                </span>
                {editable && (
                  <Button size="sm" variant="ghost" busy={removing === member.id} onClick={() => void remove(member.id)} aria-label={t('prices.admin.groups.removeMember', { name: member.name })}>
                    {t('prices.admin.groups.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {renaming && <GroupNameDialog group={group} onClose={() => setRenaming(false)} onSaved={onChanged} />}
      {deleting && <DeleteGroupDialog group={group} onClose={() => setDeleting(false)} onDone={() => void navigate('/prices/groups')} />}
    </>
  );
}
