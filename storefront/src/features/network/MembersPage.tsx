/**
 * Members and invitations of the active organization (MANAGE_MEMBERS): the members table with
 * its edit and deactivate dialogs, the invitations list and the invite form, each in its own file
 * under members/.
 */
import { useTranslation } from 'react-i18next';
import { InvitationsList } from './members/InvitationsList';
import { InviteForm } from './members/InviteForm';
import { MembersTable } from './members/MembersTable';
import { NetworkPage } from './NetworkLayout';

export default function MembersPage() {
  const { t } = useTranslation();
  return (
    <NetworkPage title={t('network.members.title')} permission="MANAGE_MEMBERS">
      <MembersTable />
      <InvitationsList />
      <InviteForm />
    </NetworkPage>
  );
}
