import { performance } from "node:perf_hooks";

// The wall-clock time of performance.now() === 0, in whole nanoseconds. timeOrigin carries
// microseconds in its fraction; computed once so that later times only add a monotonic delta.
const ORIGIN_UNIX_NANO = BigInt(Math.round(performance.timeOrigin * 1000)) * 1000n;

/**
 * Now, in nanoseconds since the UNIX epoch: the process start time plus the monotonic
 * high-resolution clock (so durations never go backwards when the wall clock is adjusted).
 */
export function nowUnixNano(): bigint {
  return ORIGIN_UNIX_NANO + BigInt(Math.round(performance.now() * 1e6));
}
