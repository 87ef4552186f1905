import type { HeatmapValue } from "@sonde/protocol/query";

/** Merged histogram buckets: upper bounds ascending (the last may be +Inf) and their counts. */
export interface MergedBuckets {
  le: number[];
  counts: number[];
}

/**
 * The φ-quantile of merged buckets as PromQL's `histogram_quantile` computes it (Prometheus
 * 2.x `promql/quantile.go`, `bucketQuantile`): rank = φ × total count; find the first bucket
 * whose cumulative count reaches the rank; interpolate linearly inside it, from its lower
 * bound (the previous upper bound, or 0 for the first bucket unless its upper bound is ≤ 0,
 * then that bound itself). A rank falling in the +Inf bucket gives the highest finite bound.
 * Null when there are no observations or no +Inf bucket. Throws nothing.
 */
export function bucketQuantile(q: number, b: MergedBuckets): number | null {
  const n = b.le.length;
  if (n < 2 || b.le[n - 1] !== Number.POSITIVE_INFINITY) return null;
  const cumulative: number[] = [];
  let total = 0;
  for (const c of b.counts) {
    total += c;
    cumulative.push(total);
  }
  if (total === 0) return null;
  let rank = q * total;
  let i = cumulative.findIndex((c) => c >= rank);
  if (i === -1) i = n - 1;
  if (i === n - 1) return b.le[n - 2];
  if (i === 0 && b.le[0] <= 0) return b.le[0];
  let lower = 0;
  let count = cumulative[i];
  if (i > 0) {
    lower = b.le[i - 1];
    count -= cumulative[i - 1];
    rank -= cumulative[i - 1];
  }
  return lower + (b.le[i] - lower) * (rank / count);
}

/**
 * Merged buckets as a HEATMAP value: the non-empty buckets `(lower, upper]`, ascending. The
 * first bucket's lower bound is the smallest observed value `min` when known and below its upper
 * bound, else 0 (or the upper bound if that is ≤ 0); the +Inf bucket's upper bound is the largest
 * observed value `max` when known and above its lower bound, else the lower bound. Throws nothing.
 */
export function heatmapOf(b: MergedBuckets, min: number | null, max: number | null): HeatmapValue {
  const buckets: HeatmapValue["buckets"] = [];
  b.le.forEach((le, i) => {
    if (b.counts[i] === 0) return;
    let lower = i > 0 ? b.le[i - 1] : min !== null && min < le ? min : Math.min(0, le);
    let upper = le;
    if (le === Number.POSITIVE_INFINITY) upper = max !== null && max > lower ? max : lower;
    if (i === 0 && lower > upper) lower = upper;
    buckets.push({ lower, upper, count: b.counts[i] });
  });
  return { buckets };
}
