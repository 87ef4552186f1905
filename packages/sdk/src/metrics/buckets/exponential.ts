import { MIN_EXPONENTIAL_SCALE } from "@sonde/api";
import { type Exemplar, exemplarSnapshots, keepExemplar, wantsExemplar } from "../exemplar.js";
import type { SeriesTags } from "../series-table.js";
import { exponentOf, isPowerOfTwo } from "./float-bits.js";
import { type Buckets, DistributionSeries } from "./series.js";

const MIN_NORMAL = 2 ** -1022;

/**
 * The index of the bucket holding magnitude `value` (> 0) at `scale`: bucket `i` holds
 * `(base^i, base^(i+1)]`, `base = 2^(2^-scale)`. Follows the OpenTelemetry metrics SDK
 * specification ("Base2 Exponential Bucket Histogram Aggregation", "Producer expectations"):
 * exact powers of two are computed from the exponent; at positive scales other values use a
 * logarithm, which may misplace values within float error of a boundary, as the specification
 * allows. Subnormal values count in the bucket of the smallest normal value.
 */
export function bucketIndex(value: number, scale: number): number {
  const magnitude = value < MIN_NORMAL ? MIN_NORMAL : value;
  const exponent = exponentOf(magnitude);
  const powerOfTwo = isPowerOfTwo(magnitude);
  if (scale <= 0) return (powerOfTwo ? exponent - 1 : exponent) >> -scale;
  if (powerOfTwo) return (exponent << scale) - 1;
  return Math.floor(Math.log(magnitude) * Math.LOG2E * 2 ** scale);
}

/** The lower boundary of bucket `index` at `scale`: `base^index`. */
export function lowerBoundary(index: number, scale: number): number {
  return 2 ** (index / 2 ** scale);
}

/** The buckets of one sign: `counts[i]` is bucket `offset + i`. */
class Range {
  offset = 0;
  counts: number[] = [];
  exemplars: (Exemplar | undefined)[] = [];

  /** The slot of bucket `index`, growing the range up to `maxSize` buckets; -1 beyond. */
  slot(index: number, maxSize: number): number {
    const length = this.counts.length;
    if (length === 0) {
      this.offset = index;
      this.counts.push(0);
      this.exemplars.push(undefined);
      return 0;
    }
    const slot = index - this.offset;
    if (slot >= 0 && slot < length) return slot;
    const low = Math.min(this.offset, index);
    const high = Math.max(this.offset + length - 1, index);
    if (high - low + 1 > maxSize) return -1;
    if (slot < 0) {
      this.counts.unshift(...new Array<number>(-slot).fill(0));
      this.exemplars.unshift(...new Array<undefined>(-slot).fill(undefined));
      this.offset = index;
      return 0;
    }
    while (this.counts.length <= slot) {
      this.counts.push(0);
      this.exemplars.push(undefined);
    }
    return slot;
  }

  /** How many halvings would let this range hold bucket `index` in `maxSize` buckets. */
  changeFor(index: number, maxSize: number): number {
    let low = Math.min(this.offset, index);
    let high = Math.max(this.offset + this.counts.length - 1, index);
    let change = 0;
    while (high - low + 1 > maxSize) {
      low >>= 1;
      high >>= 1;
      change++;
    }
    return change;
  }

  /** Merges buckets pairwise `change` times (scale − change); keeps the latest exemplars. */
  downscale(change: number): void {
    if (this.counts.length === 0 || change === 0) return;
    const offset = this.offset >> change;
    const length = ((this.offset + this.counts.length - 1) >> change) - offset + 1;
    const counts = new Array<number>(length).fill(0);
    const exemplars = new Array<Exemplar | undefined>(length).fill(undefined);
    for (let i = 0; i < this.counts.length; i++) {
      const slot = ((this.offset + i) >> change) - offset;
      counts[slot] += this.counts[i];
      const exemplar = this.exemplars[i];
      const kept = exemplars[slot];
      if (exemplar !== undefined && (kept === undefined || exemplar.time >= kept.time)) {
        exemplars[slot] = exemplar;
      }
    }
    this.offset = offset;
    this.counts = counts;
    this.exemplars = exemplars;
  }
}

/**
 * A base-2 exponential histogram series as in OTLP's `ExponentialHistogramDataPoint`
 * (opentelemetry-proto metrics/v1): it starts at `maxScale` and, when a value's bucket would
 * make the positive or the negative range wider than `maxSize` buckets, lowers the scale
 * (halving the resolution, merging bucket pairs) until it fits, like OpenTelemetry SDKs.
 * Zero is counted in `zeroCount` (threshold 0).
 */
export class ExponentialSeries extends DistributionSeries {
  #scale: number;
  #zeroCount = 0;
  readonly #zeroExemplar: (Exemplar | undefined)[] = [undefined];
  readonly #positive = new Range();
  readonly #negative = new Range();
  readonly #maxSize: number;

  constructor(
    maxScale: number,
    maxSize: number,
    tags: SeriesTags,
    overflow: boolean,
    startTimeUnixNano: bigint,
  ) {
    super(tags, overflow, startTimeUnixNano);
    this.#scale = maxScale;
    this.#maxSize = maxSize;
  }

  record(value: number): void {
    this.observe(value);
    if (value === 0) {
      if (wantsExemplar(++this.#zeroCount)) keepExemplar(this.#zeroExemplar, 0, value);
      return;
    }
    const range = value > 0 ? this.#positive : this.#negative;
    const magnitude = value > 0 ? value : -value;
    let slot = range.slot(bucketIndex(magnitude, this.#scale), this.#maxSize);
    if (slot < 0) {
      const wanted = range.changeFor(bucketIndex(magnitude, this.#scale), this.#maxSize);
      const change = Math.min(wanted, this.#scale - MIN_EXPONENTIAL_SCALE);
      this.#scale -= change;
      this.#positive.downscale(change);
      this.#negative.downscale(change);
      slot = range.slot(bucketIndex(magnitude, this.#scale), Number.POSITIVE_INFINITY);
    }
    if (wantsExemplar(++range.counts[slot])) keepExemplar(range.exemplars, slot, value);
  }

  /**
   * Explicit bounds from the most negative bucket up: negative bucket `j` as upper bound
   * `−base^j`, zero as bound 0 (when there are zeros or negatives), positive bucket `i` as
   * upper bound `base^(i+1)`, then an empty +Inf bucket. At the negative boundaries the
   * explicit form is inclusive where OTLP's is exclusive.
   */
  protected buckets(): Buckets {
    const scale = this.#scale;
    const negative = this.#negative;
    const positive = this.#positive;
    const bounds: number[] = [];
    const counts: number[] = [];
    const exemplars: (Exemplar | undefined)[] = [];
    for (let i = negative.counts.length - 1; i >= 0; i--) {
      bounds.push(-lowerBoundary(negative.offset + i, scale));
      counts.push(negative.counts[i]);
      exemplars.push(negative.exemplars[i]);
    }
    if (this.#zeroCount > 0 || negative.counts.length > 0) {
      bounds.push(0);
      counts.push(this.#zeroCount);
      exemplars.push(this.#zeroExemplar[0]);
    }
    for (let i = 0; i < positive.counts.length; i++) {
      bounds.push(lowerBoundary(positive.offset + i + 1, scale));
      counts.push(positive.counts[i]);
      exemplars.push(positive.exemplars[i]);
    }
    counts.push(0);
    exemplars.push(undefined);
    return {
      bounds,
      counts,
      exemplars: exemplarSnapshots(exemplars),
      exponential: {
        scale,
        zeroCount: this.#zeroCount,
        positive: { offset: positive.offset, counts: [...positive.counts] },
        negative: { offset: negative.offset, counts: [...negative.counts] },
      },
    };
  }
}
