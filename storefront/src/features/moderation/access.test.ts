import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { moderationAccess } from './access';
import { dealerModerator } from './moderationFixtures';

describe('moderation access', () => {
  it('lets staff and a dealer’s moderators moderate; only a dealer forwards, never the manufacturer', () => {
    expect(moderationAccess(me(1, 0).me, 'O2')).toEqual({ canModerate: false, canForward: false });
    expect(moderationAccess(me(1, 0, { staffPermissions: ['MODERATE_ORDERS'] }).me, 'O2')).toEqual({ canModerate: true, canForward: false });
    expect(moderationAccess(dealerModerator().me, 'O2')).toEqual({ canModerate: true, canForward: true });
    const factory = dealerModerator().me!;
    const manufacturer = { ...factory, memberships: factory.memberships.map((m) => ({ ...m, organization: { ...m.organization, kind: 'MANUFACTURER' as const } })) };
    expect(moderationAccess(manufacturer, 'O2')).toEqual({ canModerate: true, canForward: false });
  });
});
