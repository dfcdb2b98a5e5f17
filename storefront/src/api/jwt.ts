/** The claims of a JWT (not verified: only the server can), or null when it cannot be read. */
function claimsOf(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    // Not a JWT we can read.
    return null;
  }
}

/** The expiry of a JWT in milliseconds since the epoch, or null when it cannot be read. */
export function tokenExpiresAt(token: string): number | null {
  const exp = claimsOf(token)?.['exp'];
  // A token whose expiry cannot be read is treated as having no known expiry.
  return typeof exp === 'number' ? exp * 1000 : null;
}

/** The e-mail an access token was issued to (its `email` claim), or null. */
export function tokenEmail(token: string): string | null {
  const email = claimsOf(token)?.['email'];
  return typeof email === 'string' && email ? email : null;
}

/**
 * True when the token is known to expire within `marginMs` from `now`. A token whose expiry
 * cannot be read is left to the server to judge (it answers 401 and the client refreshes).
 */
export function expiresWithin(token: string, marginMs: number, now: number): boolean {
  const expiresAt = tokenExpiresAt(token);
  return expiresAt !== null && expiresAt - now <= marginMs;
}
