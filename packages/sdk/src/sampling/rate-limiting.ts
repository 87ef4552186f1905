import { monotonicNow } from "../trace/time.js";
import { clampOption, type Sampler } from "./sampler.js";

/**
 * Samples at most about `perSecond` spans per second, with a token bucket: it holds up to
 * `max(1, perSecond)` tokens (one second's worth, full at start; none for a rate of 0),
 * refills continuously at
 * `perSecond` a second, and each sampled span takes one. Use it for roots, inside
 * {@link parentBasedSampler}, to cap the traces a busy service exports while span metrics stay
 * exact. `clock` returns milliseconds on a monotonic clock (default `performance.now`);
 * tests inject their own. A negative or non-finite `perSecond` is reported (`invalid_options`)
 * and taken as 0.
 */
export function rateLimitingSampler(
  perSecond: number,
  clock: () => number = monotonicNow,
): Sampler {
  const rate = clampOption("rateLimitingSampler perSecond", perSecond, 0, Number.MAX_VALUE);
  const capacity = rate > 0 ? Math.max(1, rate) : 0;
  let tokens = capacity;
  let last = clock();
  return Object.freeze({
    description: `rateLimiting(${rate}/s)`,
    shouldSample(): boolean {
      const now = clock();
      if (now > last) {
        tokens = Math.min(capacity, tokens + ((now - last) * rate) / 1000);
        last = now;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  });
}
