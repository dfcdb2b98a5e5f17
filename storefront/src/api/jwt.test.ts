import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/jwt';
import { expiresWithin, tokenEmail, tokenExpiresAt } from './jwt';

describe('JWT expiry', () => {
  it('reads exp from the payload in milliseconds', () => {
    expect(tokenExpiresAt(fakeJwt({ exp: 1_800_000_000, sub: 'Юлия' }))).toBe(1_800_000_000_000);
  });

  it('returns null for something that is not a JWT', () => {
    expect(tokenExpiresAt('garbage')).toBeNull();
    expect(tokenExpiresAt('a.b.c')).toBeNull();
    expect(tokenExpiresAt(fakeJwt({ sub: 'no exp' }))).toBeNull();
  });

  it('tells whether a token expires within a margin', () => {
    const token = fakeJwt({ exp: 1000 });
    expect(expiresWithin(token, 60_000, 1_000_000 - 30_000)).toBe(true);
    expect(expiresWithin(token, 60_000, 1_000_000 - 120_000)).toBe(false);
    expect(expiresWithin('garbage', 60_000, 0)).toBe(false);
  });

  it('reads the e-mail the token was issued to', () => {
    expect(tokenEmail(fakeJwt({ exp: 1000, email: 'юлия@demo.local' }))).toBe('юлия@demo.local');
    expect(tokenEmail(fakeJwt({ exp: 1000 }))).toBeNull();
    expect(tokenEmail('garbage')).toBeNull();
  });
});
