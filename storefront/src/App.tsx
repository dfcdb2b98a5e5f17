import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ViewerProvider } from './features/auth/ViewerProvider';
import { AppShell, PageLoading, RequireAuth } from './features/shell/AppShell';
import { loadCatalogPage, loadProductPage, loadSignInPage } from './routes';

// Each screen is its own chunk; the entry holds only the shell.
const SignInPage = lazy(loadSignInPage);
const CatalogPage = lazy(loadCatalogPage);
const ProductPage = lazy(loadProductPage);
const NotFoundPage = lazy(() => import('./features/shell/NotFoundPage'));

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
        element={
          <RequireAuth>
            <ViewerProvider>
              <AppShell />
            </ViewerProvider>
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/catalog" replace />} />
        <Route path="/catalog/:categorySlug?" element={<CatalogPage />} />
        <Route path="/product/:slug" element={<ProductPage />} />
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
