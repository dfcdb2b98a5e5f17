/**
 * Route chunks. The same import promise is shared by React.lazy and the preloading done at
 * start-up, so a signed-in user's catalog chunk downloads in parallel with the entry's work.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => (promise ??= load());
}

export const loadSignInPage = once(() => import('./features/auth/SignInPage'));
export const loadCatalogPage = once(() => import('./features/catalog/CatalogPage'));
export const loadProductPage = once(() => import('./features/catalog/ProductPage'));
export const loadMembersPage = once(() => import('./features/network/MembersPage'));
export const loadRolesPage = once(() => import('./features/network/RolesPage'));
export const loadSubDealersPage = once(() => import('./features/network/SubDealersPage'));
export const loadAuditPage = once(() => import('./features/network/AuditPage'));
export const loadReviewPage = once(() => import('./features/network/ReviewPage'));
export const loadInvitationPage = once(() => import('./features/network/InvitationAcceptPage'));
export const loadApplyPage = once(() => import('./features/network/ApplyPage'));
export const loadPasswordResetRequestPage = once(() => import('./features/auth/PasswordResetRequestPage'));
export const loadHomePage = once(() => import('./features/announcements/HomePage'));
export const loadAnnouncementPage = once(() => import('./features/announcements/AnnouncementPage'));
export const loadMyAnnouncementsPage = once(() => import('./features/announcements/MyAnnouncementsPage'));
export const loadAnnouncementEditPage = once(() => import('./features/announcements/AnnouncementEditPage'));
export const loadPasswordResetConfirmPage = once(() => import('./features/auth/PasswordResetConfirmPage'));
// Price screens (issue 11): the price lists.
export const loadPriceListsPage = once(() => import('./features/prices/admin/lists/PriceListsPage'));
export const loadPriceListPage = once(() => import('./features/prices/admin/lists/PriceListPage'));
// Price screens: promotions, volume discounts, MAP floors (ppromo).
export const loadPromotionsPage = once(() => import('./features/prices/admin/promotions/PromotionsPage'));
export const loadPromotionEditPage = once(() => import('./features/prices/admin/promotions/PromotionEditPage'));
export const loadVolumeDiscountsPage = once(() => import('./features/prices/admin/volume/VolumeDiscountsPage'));
export const loadMapFloorsPage = once(() => import('./features/prices/admin/floors/MapFloorsPage'));
// Who gets which prices: assignments, price groups, the resale markup.
export const loadPriceAssignmentsPage = once(() => import('./features/prices/admin/assignments/AssignmentsPage'));
export const loadPriceGroupsPage = once(() => import('./features/prices/admin/groups/PriceGroupsPage'));
export const loadPriceGroupPage = once(() => import('./features/prices/admin/groups/PriceGroupPage'));
export const loadMarkupPage = once(() => import('./features/prices/admin/markup/MarkupPage'));
// Stock screens (issue 12): warehouses, one warehouse, leftovers on sale.
export const loadWarehousesPage = once(() => import('./features/stock/WarehousesPage'));
export const loadWarehousePage = once(() => import('./features/stock/WarehousePage'));
export const loadLeftoversPage = once(() => import('./features/stock/LeftoversPage'));
// The cart (issue 13): the cart with its quick-order pad, saved carts.
export const loadCartPage = once(() => import('./features/cart/CartPage'));
export const loadSavedCartsPage = once(() => import('./features/cart/SavedCartsPage'));
// Ordering (issue 13): the checkout.
export const loadCheckoutPage = once(() => import('./features/checkout/CheckoutPage'));
// Orders screens (issue 13): the list, one order, the approvals queue.
export const loadOrdersPage = once(() => import('./features/orders/OrdersPage'));
export const loadOrderPage = once(() => import('./features/orders/OrderPage'));
export const loadApprovalsPage = once(() => import('./features/orders/ApprovalsPage'));
// Notifications (issue 14): the list and the preferences.
export const loadNotificationsPage = once(() => import('./features/notifications/NotificationsPage'));
// Order workflow (issue 14): the moderation queue, one order for its moderator, forwarding.
export const loadModerationQueuePage = once(() => import('./features/moderation/ModerationQueuePage'));
export const loadModerationOrderPage = once(() => import('./features/moderation/ModerationOrderPage'));
export const loadForwardPage = once(() => import('./features/moderation/ForwardPage'));
// Finance (issue 15, sfin): the account and invoices, one invoice, payments.
export const loadFinancePage = once(() => import('./features/finance/FinancePage'));
export const loadInvoicePage = once(() => import('./features/finance/InvoicePage'));
export const loadPaymentsPage = once(() => import('./features/finance/PaymentsPage'));
// Credit, the seller's side and statements (issue 15, sstmt): receivables, one account, bank import, reconciliation.
export const loadReceivablesPage = once(() => import('./features/finance/ReceivablesPage'));
export const loadAccountManagePage = once(() => import('./features/finance/AccountManagePage'));
export const loadBankImportPage = once(() => import('./features/finance/BankImportPage'));
export const loadStatementsPage = once(() => import('./features/finance/StatementsPage'));

const SIGNED_IN_SCREENS: Array<[string, () => Promise<unknown>]> = [
  ['/product/', loadProductPage],
  ['/organization/members', loadMembersPage],
  ['/organization/roles', loadRolesPage],
  ['/organization/sub-dealers', loadSubDealersPage],
  ['/organization/audit', loadAuditPage],
  ['/staff/applications', loadReviewPage],
  ['/news/', loadAnnouncementPage],
  ['/announcements/', loadAnnouncementEditPage],
  ['/announcements', loadMyAnnouncementsPage],
  ['/prices/lists/', loadPriceListPage],
  ['/prices/lists', loadPriceListsPage],
  ['/prices/promotions/', loadPromotionEditPage],
  ['/prices/promotions', loadPromotionsPage],
  ['/prices/volume-discounts', loadVolumeDiscountsPage],
  ['/prices/floors', loadMapFloorsPage],
  ['/prices/assignments', loadPriceAssignmentsPage],
  ['/prices/groups/', loadPriceGroupPage],
  ['/prices/groups', loadPriceGroupsPage],
  ['/prices/markup', loadMarkupPage],
  ['/stock/warehouses/', loadWarehousePage],
  ['/stock/leftovers', loadLeftoversPage],
  ['/stock', loadWarehousesPage],
  ['/cart/saved', loadSavedCartsPage],
  ['/cart', loadCartPage],
  ['/checkout', loadCheckoutPage],
  ['/orders/', loadOrderPage],
  ['/orders', loadOrdersPage],
  ['/approvals', loadApprovalsPage],
  ['/notifications', loadNotificationsPage],
  ['/moderation/forward', loadForwardPage],
  ['/moderation/', loadModerationOrderPage],
  ['/moderation', loadModerationQueuePage],
  ['/finance/invoices/', loadInvoicePage],
  ['/finance/payments', loadPaymentsPage],
  ['/finance/receivables', loadReceivablesPage],
  ['/finance/accounts/', loadAccountManagePage],
  ['/finance/bank', loadBankImportPage],
  ['/finance/statements', loadStatementsPage],
  ['/finance', loadFinancePage],
];

/** Starts downloading the chunk the current URL will need. */
export function preloadFor(pathname: string, signedIn: boolean): void {
  if (pathname.startsWith('/invitation/')) void loadInvitationPage();
  else if (pathname.startsWith('/apply')) void loadApplyPage();
  else if (pathname.startsWith('/password-reset/')) void loadPasswordResetConfirmPage();
  else if (pathname.startsWith('/password-reset')) void loadPasswordResetRequestPage();
  else if (!signedIn || pathname.startsWith('/sign-in')) void loadSignInPage();
  else {
    const screen = SIGNED_IN_SCREENS.find(([prefix]) => pathname.startsWith(prefix));
    void (screen ? screen[1]() : pathname === '/' ? loadHomePage() : loadCatalogPage());
  }
}
