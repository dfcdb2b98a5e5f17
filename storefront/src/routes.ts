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

/** Starts downloading the chunk the current URL will need. */
export function preloadFor(pathname: string, signedIn: boolean): void {
  if (!signedIn || pathname.startsWith('/sign-in')) void loadSignInPage();
  else if (pathname.startsWith('/product/')) void loadProductPage();
  else void loadCatalogPage();
}
