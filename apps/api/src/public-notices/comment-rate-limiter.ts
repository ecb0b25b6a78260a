import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Public comments are taken without signing in, so they are limited per client address: at most
 * `max` in `windowMs` (a sliding count of the last window). In memory, per API process, as the
 * login limiter: behind several replicas each keeps its own count.
 */
export interface CommentRateLimitOptions {
  max: number;
  windowMs: number;
}

export const DEFAULT_COMMENT_RATE_LIMIT: CommentRateLimitOptions = { max: 5, windowMs: 60 * 60_000 };

export class CommentRateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly options: CommentRateLimitOptions = DEFAULT_COMMENT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one comment from `address`, or refuses it (429, Retry-After) when the address is at its limit. */
  take(address: string): void {
    const now = this.now();
    const recent = (this.seen.get(address) ?? []).filter((t) => t > now - this.options.windowMs);
    if (recent.length >= this.options.max) {
      const wait = Math.max(1, Math.ceil((recent[0] + this.options.windowMs - now) / 1000));
      this.seen.set(address, recent);
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'TOO_MANY_COMMENTS',
          message: `Đã gửi quá nhiều ý kiến từ địa chỉ này; vui lòng gửi lại sau ${wait} giây`,
          retryAfterSeconds: wait,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    recent.push(now);
    this.seen.set(address, recent);
    if (this.seen.size > 100_000) this.forgetQuiet(now);
  }

  private forgetQuiet(now: number) {
    for (const [a, times] of this.seen) if (!times.some((t) => t > now - this.options.windowMs)) this.seen.delete(a);
  }
}
