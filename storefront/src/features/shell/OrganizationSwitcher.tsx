import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui';
import { useSession } from '../auth/SessionProvider';
import { useViewer } from '../auth/ViewerProvider';

/**
 * The organization the user acts for. With one membership it is plain text; with several,
 * a select that switches every screen to the chosen organization.
 */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const { memberships, organization, switchOrganization } = useViewer();
  const { state } = useSession();
  if (memberships.length <= 1) {
    return organization ? (
      <p className="org-current">
        <span className="org-current__label">{t('shell.organization')}</span>
        <span className="org-current__name" data-testid="active-organization">{organization.name}</span>
      </p>
    ) : null;
  }
  return (
    <SelectField
      className="org-switch"
      label={t('shell.actingFor')}
      value={state.organizationId ?? organization?.id ?? ''}
      onChange={(event) => switchOrganization(event.target.value)}
      options={[
        ...(organization ? [] : [{ value: '', label: t('shell.chooseOrganization') }]),
        ...memberships.map((m) => ({
          value: m.organization.id,
          label: `${m.organization.name} · ${t(`organizationKind.${m.organization.kind}`)}`,
        })),
      ]}
      data-testid="organization-switcher"
    />
  );
}
