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

describe('LoginRateLimiter back-off', () => {
  let now = 0;
  const limiter = () =>
    new LoginRateLimiter(
      { maxFailures: 3, windowMs: 60_000, maxAccountFailures: 5, maxAddressFailures: 8, maxLockMs: 300_000 },
      () => now,
    );
  beforeEach(() => (now = 1_000_000));

  /** Fails until locked; returns the lock in seconds. */
  const exhaust = (l: LoginRateLimiter, user: string, ip: string) => {
    while (l.retryAfterSeconds(user, ip) === 0) l.recordFailure(user, ip);
    return l.retryAfterSeconds(user, ip);
  };

  it('a guesser locked again soon after a lock waits twice as long each time, up to the longest lock', () => {
    const l = limiter();
    const locks: number[] = [];
    for (let i = 0; i < 5; i++) {
      locks.push(exhaust(l, 'thuky', '192.0.2.9'));
      now += locks[locks.length - 1] * 1000;
    }
    expect(locks).toEqual([60, 120, 240, 300, 300]);
  });

  it('the back-off is forgotten after a quiet day', () => {
    const l = limiter();
    for (let i = 0; i < 2; i++) now += exhaust(l, 'thuky', '192.0.2.9') * 1000;
    now += 24 * 3_600_000;
    expect(exhaust(l, 'thuky', '192.0.2.9')).toBe(60);
  });

  it('the per-account lock a stranger can cause never grows beyond one window', () => {
    const l = limiter();
    const locks: number[] = [];
    for (let round = 0; round < 4; round++) {
      // Rotating addresses: neither a pair nor an address reaches its own limit.
      for (let i = 0; i < 5; i++) l.recordFailure('chutich', `203.0.113.${round * 10 + i}`);
      locks.push(l.retryAfterSeconds('chutich', '198.51.100.1'));
      now += locks[locks.length - 1] * 1000;
    }
    expect(locks).toEqual([60, 60, 60, 60]);
  });
});
