import { LOGIN_STATE_TTL_MS, openLoginState, readCookie, sealLoginState, type LoginState } from './login-state';

const SECRET = 'a-secret-of-this-deployment-0123456789';
const NOW = Date.UTC(2026, 11, 1);
const state: LoginState = { state: 's1', nonce: 'n1', verifier: 'v1', expiresAt: NOW + LOGIN_STATE_TTL_MS };

describe('the sealed login state cookie', () => {
  it('opens to what was sealed, and hides it', () => {
    const sealed = sealLoginState(SECRET, state);
    expect(openLoginState(SECRET, sealed, NOW)).toEqual(state);
    expect(Buffer.from(sealed.split('.')[1], 'base64url').toString('latin1')).not.toContain('v1');
  });

  it('is refused once expired', () => {
    expect(openLoginState(SECRET, sealLoginState(SECRET, state), state.expiresAt)).toBeUndefined();
  });

  it('is refused when sealed under another secret or altered in any byte', () => {
    const sealed = sealLoginState(SECRET, state);
    expect(openLoginState('another-secret-of-another-deployment', sealed, NOW)).toBeUndefined();
    const [iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(openLoginState(SECRET, [iv, flipped.toString('base64url'), tag].join('.'), NOW)).toBeUndefined();
    for (const junk of ['', '.', 'a.b.c', `${sealed}.x`, 'x'.repeat(300)])
      expect(openLoginState(SECRET, junk, NOW)).toBeUndefined();
  });

  it('is found in a Cookie header among others', () => {
    expect(readCookie('a=1; tdkt_oidc=abc.def ; b=2', 'tdkt_oidc')).toBe('abc.def');
    expect(readCookie(['a=1', 'tdkt_oidc=x'], 'tdkt_oidc')).toBe('x');
    expect(readCookie('xtdkt_oidc=1', 'tdkt_oidc')).toBeUndefined();
    expect(readCookie(undefined, 'tdkt_oidc')).toBeUndefined();
  });
});
