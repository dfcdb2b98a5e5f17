import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { ErrorState, Spinner } from '../../ui';
import { NewsNavLink } from '../announcements/NewsNavLink';
import { ModerationNavLink } from '../moderation/ModerationNavLink';
import { OrdersNavLinks } from '../orders/OrdersNavLinks';
import { priceManagement } from '../prices/admin/access';
import { stockManagement } from '../stock/access';
import { CartBadge } from '../cart/CartBadge';
import { BalanceWidget } from '../finance/BalanceWidget';
import { FinanceNavLink } from '../finance/FinanceNavLink';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession } from '../auth/SessionProvider';
import { useViewer } from '../auth/ViewerProvider';
import { hasStaffPermission, organizationSections, REVIEW_PERMISSION } from '../network/access';
import { PriceListDownload } from '../prices/PriceListDownload';
import { LanguageSwitcher } from './LanguageSwitcher';
import { OrganizationNotice } from './OrganizationNotice';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { ShellMenu } from './ShellMenu';
import { UserMenu } from './UserMenu';

/** Sends a signed-out visitor to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: React.ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (!state.tokens) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  );
}

/** `/organization`: the first organization screen the viewer may open. */
export function OrganizationHome() {
  const { me, organization } = useViewer();
  const first = organizationSections(me, organization?.id)[0];
  return <Navigate to={first ? first.path : '/catalog'} replace />;
}

/** The frame of every signed-in screen: skip link, header, navigation and main content. */
export function AppShell() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // Move focus to the new page's content when the route changes (not on the first load),
  // so keyboard and screen-reader users start reading the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const sections = organizationSections(viewer.me, viewer.organization?.id);
  const reviews = hasStaffPermission(viewer.me, REVIEW_PERMISSION);
  const managesPrices = priceManagement(viewer.me, viewer.organization?.id) !== null;
  const managesStock = stockManagement(viewer.me, viewer.organization?.id) !== null;

  let content: React.ReactNode;
  if (viewer.ready) {
    content = (
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    );
  } else if (viewer.error && !viewer.me) {
    content = <ErrorState error={viewer.error} onRetry={viewer.retry} />;
  } else {
    content = <PageLoading />;
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__bar">
          <Link className="brand" to="/catalog">
            <span className="brand-mark" aria-hidden>
              B2B
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <ShellMenu>
            <nav className="shell__nav" aria-label={t('shell.mainNavigation')}>
              {viewer.ready && <NewsNavLink />}
              <NavLink
                to="/catalog"
                className={({ isActive }) =>
                  isActive || pathname.startsWith('/product/') ? 'shell__nav-link active' : 'shell__nav-link'
                }
              >
                {t('shell.nav.catalog')}
              </NavLink>
              {viewer.ready && <OrdersNavLinks />}
              {viewer.ready && <ModerationNavLink />}
              {viewer.ready && <FinanceNavLink />}
              {sections[0] && (
                <NavLink
                  to={sections[0].path}
                  className={() => (pathname.startsWith('/organization') ? 'shell__nav-link active' : 'shell__nav-link')}
                >
                  {t('shell.nav.organization')}
                </NavLink>
              )}
              {managesPrices && (
                <NavLink
                  to="/prices"
                  className={() => (pathname.startsWith('/prices') ? 'shell__nav-link active' : 'shell__nav-link')}
                >
                  {t('shell.nav.prices')}
                </NavLink>
              )}
              {managesStock && (
                <NavLink
                  to="/stock"
                  className={() => (pathname.startsWith('/stock') ? 'shell__nav-link active' : 'shell__nav-link')}
                >
                  {t('shell.nav.stock')}
                </NavLink>
              )}
              {reviews && (
                <NavLink to="/staff/applications" className="shell__nav-link">
                  {t('shell.nav.applications')}
                </NavLink>
              )}
            </nav>
            <div className="shell__context">
              <OrganizationSwitcher />
            </div>
            <div className="shell__tools">
              <PriceListDownload />
              <LanguageSwitcher tone="dark" />
              <UserMenu />
            </div>
          </ShellMenu>
          {viewer.ready && <BalanceWidget />}
          {viewer.ready && <NotificationBell />}
          {viewer.ready && <CartBadge />}
        </div>
      </header>
      <OrganizationNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
        {content}
      </main>
    </div>
  );
}
