/**
 * A token bucket per connection: `burst` messages at once, refilled at `perSecond`. A client that keeps sending
 * while empty collects strikes; past `maxStrikes` the relay cuts it off.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  maxStrikes: number;
}

export const defaultRateLimit: RateLimitOptions = { perSecond: 20, burst: 40, maxStrikes: 40 };

export type Verdict = 'ok' | 'drop' | 'cut';

export interface RateLimiter {
  /** Accounts for one message at time `now` (ms). */
  take(now: number): Verdict;
}

export function createRateLimiter(options: RateLimitOptions = defaultRateLimit, start = 0): RateLimiter {
  let tokens = options.burst;
  let last = start;
  let strikes = 0;
  return {
    take(now) {
      tokens = Math.min(options.burst, tokens + ((now - last) / 1000) * options.perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 'ok';
      }
      strikes += 1;
      return strikes > options.maxStrikes ? 'cut' : 'drop';
    },
  };
}
