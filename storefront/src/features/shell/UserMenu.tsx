import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../ui';
import { useSession } from '../auth/SessionProvider';
import { useViewer } from '../auth/ViewerProvider';

/** "Анна Лебедева" → "АЛ": shown instead of the name on a phone. */
export function initials(name: string): string {
  const words = name.split(/[\s@.]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

/** Who is signed in, in which role, and the sign-out button. */
export function UserMenu() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { me } = useViewer();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    await session.signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="user-menu">
      {me && (
        <p className="user-menu__who" data-testid="current-user">
          <span className="user-menu__avatar" aria-hidden title={me.user.fullName || me.user.email}>
            {initials(me.user.fullName || me.user.email)}
          </span>
          <span className="user-menu__name">{me.user.fullName || me.user.email}</span>
          <span className="user-menu__role">
            {me.role ? t(`roles.${me.role}`) : me.user.isStaff ? t('roles.STAFF') : ''}
          </span>
        </p>
      )}
      <Button size="sm" variant="ghost" className="user-menu__signout" onClick={signOut} busy={busy}>
        {t('shell.signOut')}
      </Button>
    </div>
  );
}
