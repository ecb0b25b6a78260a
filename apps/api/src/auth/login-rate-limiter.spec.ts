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
