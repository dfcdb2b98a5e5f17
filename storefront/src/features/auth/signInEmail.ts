/**
 * The e-mail the sign-in form starts with: the one of the session that expired in this tab
 * (kept in sessionStorage, so it is gone with the tab), or one handed over by another page
 * in the router's state (the password reset's).
 */

const EMAIL_KEY = 'b2b.signInEmail';

export function rememberSignInEmail(storage: Pick<Storage, 'setItem'>, email: string | null): void {
  if (email) storage.setItem(EMAIL_KEY, email);
}

export function rememberedSignInEmail(storage: Pick<Storage, 'getItem'>): string {
  return storage.getItem(EMAIL_KEY) ?? '';
}

/** An e-mail handed over in the router's state (`<Link state={{ email }}>`), if any. */
export function emailFromState(state: unknown): string | null {
  const email = state && typeof state === 'object' && 'email' in state ? state.email : null;
  return typeof email === 'string' && email ? email : null;
}
