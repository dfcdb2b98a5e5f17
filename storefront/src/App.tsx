import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { KeepWorkOnExpiry } from './features/auth/KeepWorkOnExpiry';
import { ViewerProvider } from './features/auth/ViewerProvider';
import { PricesHome } from './features/prices/admin/PricesPage';
import { AppShell, OrganizationHome, PageLoading, RequireAuth } from './features/shell/AppShell';
import {
  loadAnnouncementEditPage,
  loadAnnouncementPage,
  loadApplyPage,
  loadAuditPage,
  loadCatalogPage,
  loadCheckoutPage,
  loadHomePage,
  loadInvitationPage,
  loadMembersPage,
  loadMyAnnouncementsPage,
  loadPasswordResetConfirmPage,
  loadPasswordResetRequestPage,
  loadPriceListPage,
  loadPriceListsPage,
  loadPriceAssignmentsPage,
  loadPriceGroupPage,
  loadPriceGroupsPage,
  loadMarkupPage,
  loadProductPage,
  loadMapFloorsPage,
  loadPromotionEditPage,
  loadPromotionsPage,
  loadVolumeDiscountsPage,
  loadReviewPage,
  loadRolesPage,
  loadSignInPage,
  loadSubDealersPage,
  loadLeftoversPage,
  loadWarehousePage,
  loadWarehousesPage,
  loadCartPage,
  loadSavedCartsPage,
  loadOrdersPage,
  loadOrderPage,
  loadApprovalsPage,
  loadNotificationsPage,
  loadModerationQueuePage,
  loadModerationOrderPage,
  loadForwardPage,
  loadFinancePage,
  loadInvoicePage,
  loadPaymentsPage,
  loadReceivablesPage,
  loadAccountManagePage,
  loadBankImportPage,
  loadStatementsPage,
} from './routes';

// Each screen is its own chunk; the entry holds only the shell.
const SignInPage = lazy(loadSignInPage);
const CatalogPage = lazy(loadCatalogPage);
const ProductPage = lazy(loadProductPage);
const NotFoundPage = lazy(() => import('./features/shell/NotFoundPage'));
const MembersPage = lazy(loadMembersPage);
const RolesPage = lazy(loadRolesPage);
const SubDealersPage = lazy(loadSubDealersPage);
const AuditPage = lazy(loadAuditPage);
const ReviewPage = lazy(loadReviewPage);
const InvitationAcceptPage = lazy(loadInvitationPage);
const ApplyPage = lazy(loadApplyPage);
const HomePage = lazy(loadHomePage);
const AnnouncementPage = lazy(loadAnnouncementPage);
const MyAnnouncementsPage = lazy(loadMyAnnouncementsPage);
const PriceListsPage = lazy(loadPriceListsPage);
const PriceListPage = lazy(loadPriceListPage);
const AnnouncementEditPage = lazy(loadAnnouncementEditPage);
const PasswordResetRequestPage = lazy(loadPasswordResetRequestPage);
const PasswordResetConfirmPage = lazy(loadPasswordResetConfirmPage);
const PromotionsPage = lazy(loadPromotionsPage);
const PromotionEditPage = lazy(loadPromotionEditPage);
const VolumeDiscountsPage = lazy(loadVolumeDiscountsPage);
const MapFloorsPage = lazy(loadMapFloorsPage);
const PriceAssignmentsPage = lazy(loadPriceAssignmentsPage);
const PriceGroupsPage = lazy(loadPriceGroupsPage);
const PriceGroupPage = lazy(loadPriceGroupPage);
const MarkupPage = lazy(loadMarkupPage);
const WarehousesPage = lazy(loadWarehousesPage);
const WarehousePage = lazy(loadWarehousePage);
const LeftoversPage = lazy(loadLeftoversPage);
const CartPage = lazy(loadCartPage);
const SavedCartsPage = lazy(loadSavedCartsPage);
const CheckoutPage = lazy(loadCheckoutPage);
const OrdersPage = lazy(loadOrdersPage);
const OrderPage = lazy(loadOrderPage);
const ApprovalsPage = lazy(loadApprovalsPage);
const NotificationsPage = lazy(loadNotificationsPage);
const ModerationQueuePage = lazy(loadModerationQueuePage);
const ModerationOrderPage = lazy(loadModerationOrderPage);
const ForwardPage = lazy(loadForwardPage);
const FinancePage = lazy(loadFinancePage);
const InvoicePage = lazy(loadInvoicePage);
const PaymentsPage = lazy(loadPaymentsPage);
const ReceivablesPage = lazy(loadReceivablesPage);
const AccountManagePage = lazy(loadAccountManagePage);
const BankImportPage = lazy(loadBankImportPage);
const StatementsPage = lazy(loadStatementsPage);

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <Suspense fallback={<PageLoading />}>
            <SignInPage />
          </Suspense>
        }
      />
      <Route
        path="/invitation/:token"
        element={
          <Suspense fallback={<PageLoading />}>
            <InvitationAcceptPage />
          </Suspense>
        }
      />
      <Route
        path="/password-reset"
        element={
          <Suspense fallback={<PageLoading />}>
            <PasswordResetRequestPage />
          </Suspense>
        }
      />
      <Route
        path="/password-reset/:uid/:token"
        element={
          <Suspense fallback={<PageLoading />}>
            <PasswordResetConfirmPage />
          </Suspense>
        }
      />
      <Route
        path="/apply"
        element={
          <Suspense fallback={<PageLoading />}>
            <ApplyPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <KeepWorkOnExpiry />
            <ViewerProvider>
              <AppShell />
            </ViewerProvider>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/news/:id" element={<AnnouncementPage />} />
        <Route path="/announcements" element={<MyAnnouncementsPage />} />
        <Route path="/announcements/new" element={<AnnouncementEditPage />} />
        <Route path="/announcements/:id/edit" element={<AnnouncementEditPage />} />
        <Route path="/catalog/:categorySlug?" element={<CatalogPage />} />
        <Route path="/product/:slug" element={<ProductPage />} />
        <Route path="/organization" element={<OrganizationHome />} />
        <Route path="/organization/members" element={<MembersPage />} />
        <Route path="/organization/roles" element={<RolesPage />} />
        <Route path="/organization/sub-dealers" element={<SubDealersPage />} />
        <Route path="/organization/audit" element={<AuditPage />} />
        <Route path="/prices" element={<PricesHome />} />
        <Route path="/prices/lists" element={<PriceListsPage />} />
        <Route path="/prices/lists/:id" element={<PriceListPage />} />
        <Route path="/prices/promotions" element={<PromotionsPage />} />
        <Route path="/prices/promotions/new" element={<PromotionEditPage />} />
        <Route path="/prices/promotions/:id" element={<PromotionEditPage />} />
        <Route path="/prices/volume-discounts" element={<VolumeDiscountsPage />} />
        <Route path="/prices/floors" element={<MapFloorsPage />} />
        <Route path="/prices/assignments" element={<PriceAssignmentsPage />} />
        <Route path="/prices/groups" element={<PriceGroupsPage />} />
        <Route path="/prices/groups/:id" element={<PriceGroupPage />} />
        <Route path="/prices/markup" element={<MarkupPage />} />
        <Route path="/stock" element={<WarehousesPage />} />
        <Route path="/stock/warehouses/:id" element={<WarehousePage />} />
        <Route path="/stock/leftovers" element={<LeftoversPage />} />
        <Route path="/cart" element={<CartPage />} />
        <Route path="/cart/saved" element={<SavedCartsPage />} />
        <Route path="/checkout" element={<CheckoutPage />} />
        <Route path="/orders" element={<OrdersPage />} />
        <Route path="/orders/:id" element={<OrderPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/moderation" element={<ModerationQueuePage />} />
        <Route path="/moderation/forward" element={<ForwardPage />} />
        <Route path="/finance" element={<FinancePage />} />
        <Route path="/finance/invoices/:id" element={<InvoicePage />} />
        <Route path="/finance/payments" element={<PaymentsPage />} />
        <Route path="/moderation/:id" element={<ModerationOrderPage />} />
        <Route path="/finance/receivables" element={<ReceivablesPage />} />
        <Route path="/finance/accounts/:id" element={<AccountManagePage />} />
        <Route path="/finance/bank" element={<BankImportPage />} />
        <Route path="/finance/statements" element={<StatementsPage />} />
        <Route path="/staff/applications" element={<ReviewPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
