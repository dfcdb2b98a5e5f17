/**
 * urql's document cache drops a cached answer when a mutation returns one of its typenames. Read
 * marks change counts (plain numbers, no typename), so the announcement queries name the payloads
 * of the read mutations too: marking read refreshes the feed, the counts and the catalog marks.
 */
export const ANNOUNCEMENT_TYPENAMES = {
  additionalTypenames: ['Announcement', 'AnnouncementMarkRead', 'AnnouncementsMarkAllRead'],
};
