/** The expiry of a JWT in milliseconds since the epoch, or null when it cannot be read. */
export function tokenExpiresAt(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (claims && typeof claims === 'object' && 'exp' in claims && typeof claims.exp === 'number') {
      return claims.exp * 1000;
    }
  } catch {
    // Not a JWT we can read: treat it as having no known expiry.
  }
  return null;
}

/**
 * True when the token is known to expire within `marginMs` from `now`. A token whose expiry
 * cannot be read is left to the server to judge (it answers 401 and the client refreshes).
 */
export function expiresWithin(token: string, marginMs: number, now: number): boolean {
  const expiresAt = tokenExpiresAt(token);
  return expiresAt !== null && expiresAt - now <= marginMs;
}
