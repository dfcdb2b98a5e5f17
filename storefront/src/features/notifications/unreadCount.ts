/**
 * The unread count is a number on Query, which urql's document cache cannot tie to the
 * notifications: the queries that show it (or depend on it) name the mutation that changes
 * it, so marking notifications read refetches them. One stable object, so that a render does
 * not make a new query.
 */
export const NOTIFICATIONS_CONTEXT = { additionalTypenames: ['Notification', 'NotificationsMarkRead'] };

/** How often the header asks for the unread count while the tab is in view (and on every navigation). */
export const UNREAD_POLL_MS = 60_000;
