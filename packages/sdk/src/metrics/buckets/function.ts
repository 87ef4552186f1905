import { type Exemplar, exemplarSnapshots, keepExemplar, wantsExemplar } from "../exemplar.js";
import type { SeriesTags } from "../series-table.js";
import { type Buckets, DistributionSeries } from "./series.js";

/** What a function bucketer series reports: a dropped sample, or a merged bucket. */
export interface BucketerProblems {
  failed(value: number, answer: unknown, error: unknown): void;
  bucketLimit(): void;
}

/** The first index of `bounds` (ascending) whose bound is `>= bound`. */
function search(bounds: readonly number[], bound: number): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bounds[mid] < bound) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A series whose buckets a function defines: `upperBound(v)` names the inclusive upper bound
 * of `v`'s bucket, and buckets are created as values arrive (at most `maxBuckets`; values of
 * further buckets are counted in the next higher existing one, which still holds them if
 * the function is monotonic). A bound of `Infinity` is the last (+Inf) bucket.
 */
export class FunctionSeries extends DistributionSeries {
  readonly #upperBound: (value: number) => number;
  readonly #maxBuckets: number;
  readonly #problems: BucketerProblems;
  readonly #bounds: number[] = [];
  readonly #counts: number[] = [0];
  readonly #exemplars: (Exemplar | undefined)[] = [undefined];

  constructor(
    upperBound: (value: number) => number,
    maxBuckets: number,
    problems: BucketerProblems,
    tags: SeriesTags,
    overflow: boolean,
    startTimeUnixNano: bigint,
  ) {
    super(tags, overflow, startTimeUnixNano);
    this.#upperBound = upperBound;
    this.#maxBuckets = maxBuckets;
    this.#problems = problems;
  }

  record(value: number): void {
    let bound: unknown;
    try {
      bound = this.#upperBound(value);
    } catch (error) {
      this.#problems.failed(value, undefined, error);
      return;
    }
    if (typeof bound !== "number" || !(bound >= value)) {
      this.#problems.failed(value, bound, undefined);
      return;
    }
    const bounds = this.#bounds;
    let i = bound === Number.POSITIVE_INFINITY ? bounds.length : search(bounds, bound);
    if (i === bounds.length ? bound !== Number.POSITIVE_INFINITY : bounds[i] !== bound) {
      i = this.#insert(i, bound);
    }
    const count = ++this.#counts[i];
    this.observe(value);
    if (wantsExemplar(count)) keepExemplar(this.#exemplars, i, value);
  }

  /** Adds bucket `bound` at index `i`, or (at the limit) answers the next higher bucket. */
  #insert(i: number, bound: number): number {
    if (this.#bounds.length >= this.#maxBuckets) {
      this.#problems.bucketLimit();
      return i;
    }
    this.#bounds.splice(i, 0, bound + 0);
    this.#counts.splice(i, 0, 0);
    this.#exemplars.splice(i, 0, undefined);
    return i;
  }

  protected buckets(): Buckets {
    return {
      bounds: [...this.#bounds],
      counts: [...this.#counts],
      exemplars: exemplarSnapshots(this.#exemplars),
    };
  }
}
