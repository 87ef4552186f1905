// A rough lower bound on the bytes any encoding needs for the collection workload (issue 5):
// which series changed, plus each change as varints, with nothing else.
import type { CollectionWorkload, SeriesChange } from "./collection-workload.js";

/** The floor over the steady-state intervals. */
export interface EntropyFloor {
  /** Bytes to say which series changed: Σ log2 C(series, changed) / 8. */
  readonly whichBytes: number;
  /** Bytes of the changes as varints (see {@link entropyFloor}). */
  readonly valueBytes: number;
  readonly samples: number;
}

/** Protobuf varint length of a non-negative integer, bytes. */
function varintBytes(n: number): number {
  let bytes = 1;
  for (let v = n; v >= 128; v = Math.floor(v / 128)) bytes++;
  return bytes;
}

/** log2 of the binomial coefficient C(n, k). */
function log2Choose(n: number, k: number): number {
  let bits = 0;
  for (let i = 0; i < k; i++) bits += Math.log2((n - i) / (k - i));
  return bits;
}

/** Varint bytes of one change: a counter's increment, a gauge's zig-zag step, a bucket delta. */
function changeBytes(change: SeriesChange, bounds: readonly number[]): number {
  if (bounds.length === 0) {
    return varintBytes(change.delta < 0 ? -2 * change.delta - 1 : 2 * change.delta);
  }
  // Distribution: the observation count, then (bucket index gap, count) per non-zero bucket.
  const counts = new Map<number, number>();
  for (const v of change.observations) {
    const i = bounds.findIndex((b) => v <= b);
    const bucket = i < 0 ? bounds.length : i;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let bytes = varintBytes(change.observations.length);
  let previous = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    bytes += varintBytes(bucket - previous) + varintBytes(counts.get(bucket) ?? 0);
    previous = bucket;
  }
  return bytes;
}

/**
 * The rough entropy floor over the steady-state intervals: log2 C(1000, 100) bits per
 * interval for the set of changed series, plus per change the varint of a counter increment
 * or zig-zag gauge step, or for a distribution the observation count and (bucket gap, count)
 * varint pairs. Leaves out distribution sums, timestamps and framing, so no real encoding
 * reaches it. Pure; throws nothing.
 */
export function entropyFloor(workload: CollectionWorkload): EntropyFloor {
  let whichBytes = 0;
  let valueBytes = 0;
  for (const interval of workload.intervals.slice(workload.warmupIntervals)) {
    whichBytes += log2Choose(workload.series.length, interval.changes.length) / 8;
    for (const change of interval.changes) {
      valueBytes += changeBytes(change, workload.series[change.series].metric.bounds);
    }
  }
  const intervals = workload.intervals.length - workload.warmupIntervals;
  return { whichBytes, valueBytes, samples: intervals * workload.samplesPerInterval };
}
