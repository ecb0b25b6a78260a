import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let now = 0;
  const limiter = () => new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000 }, () => now);

  beforeEach(() => (now = 1_000_000));

  it('allows attempts until the failures reach the limit, then asks to wait for the rest of the window', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterSeconds('thuky', '1.2.3.4')).toBe(0);
      l.recordFailure('thuky', '1.2.3.4');
    }
    now += 20_000;
    expect(l.retryAfterSeconds('thuky', '1.2.3.4')).toBe(40);
  });

  it('counts per username and address, ignoring case of the username', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('ThuKy', '1.2.3.4');
    expect(l.retryAfterSeconds('thuky', '1.2.3.4')).toBeGreaterThan(0);
    expect(l.retryAfterSeconds('thuky', '5.6.7.8')).toBe(0);
    expect(l.retryAfterSeconds('chutich', '1.2.3.4')).toBe(0);
  });

  it('forgets failures once the window has passed or after a successful login', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('thuky', 'a');
    now += 60_000;
    expect(l.retryAfterSeconds('thuky', 'a')).toBe(0);
    for (let i = 0; i < 2; i++) l.recordFailure('chutich', 'a');
    l.recordSuccess('chutich', 'a');
    l.recordFailure('chutich', 'a');
    expect(l.retryAfterSeconds('chutich', 'a')).toBe(0);
  });
});

describe('LoginRateLimiter across addresses and accounts', () => {
  let now = 0;
  const limiter = () =>
    new LoginRateLimiter(
      { maxFailures: 3, windowMs: 60_000, maxAccountFailures: 5, maxAddressFailures: 8, knownAddressMs: 3_600_000 },
      () => now,
    );
  beforeEach(() => (now = 1_000_000));

  it('guesses for one account from rotating addresses are stopped by the account limit', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfterSeconds('chutich', `203.0.113.${i}`)).toBe(0);
      l.recordFailure('chutich', `203.0.113.${i}`);
    }
    expect(l.retryAfterSeconds('chutich', '203.0.113.99')).toBe(60);
  });

  it('the owner signing in from an address that succeeded before is not locked out by a stranger', () => {
    const l = limiter();
    l.recordSuccess('chutich', '10.0.0.7');
    for (let i = 0; i < 10; i++) l.recordFailure('chutich', `198.51.100.${i}`);
    expect(l.retryAfterSeconds('chutich', '198.51.100.200')).toBeGreaterThan(0);
    expect(l.retryAfterSeconds('chutich', '10.0.0.7')).toBe(0);
    now += 3_600_000;
    expect(l.retryAfterSeconds('chutich', '10.0.0.7')).toBe(0); // the window has passed as well
  });

  it('one address guessing one password across many accounts (spraying) is stopped by the address limit', () => {
    const l = limiter();
    for (let i = 0; i < 8; i++) l.recordFailure(`user${i}`, '192.0.2.1');
    expect(l.retryAfterSeconds('someone-else', '192.0.2.1')).toBeGreaterThan(0);
    expect(l.retryAfterSeconds('someone-else', '192.0.2.2')).toBe(0);
  });
});
