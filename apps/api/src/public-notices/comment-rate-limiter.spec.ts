import { HttpException } from '@nestjs/common';
import { CommentRateLimiter } from './comment-rate-limiter';

describe('Public comments are limited per address', () => {
  it('refuses the comment past the limit with 429 and Retry-After, per address, until the window slides on', () => {
    let now = 0;
    const limiter = new CommentRateLimiter({ max: 2, windowMs: 60_000 }, () => now);
    limiter.take('10.0.0.1');
    now = 10_000;
    limiter.take('10.0.0.1');
    let refused: HttpException | undefined;
    try {
      limiter.take('10.0.0.1');
    } catch (e) {
      refused = e as HttpException;
    }
    expect(refused?.getStatus()).toBe(429);
    expect(refused?.getResponse()).toMatchObject({ code: 'TOO_MANY_COMMENTS', retryAfterSeconds: 50 });
    expect(() => limiter.take('10.0.0.2')).not.toThrow();
    now = 60_001;
    expect(() => limiter.take('10.0.0.1')).not.toThrow();
  });
});
