import type { DistributionSnapshot } from "../read.js";
import type { Series, SeriesTags } from "../series-table.js";

/** The bucket part of a {@link DistributionSnapshot}. */
export type Buckets = Pick<DistributionSnapshot, "bounds" | "counts" | "exemplars" | "exponential">;

/**
 * One distribution series: count, sum, min and max here; buckets and their exemplars in the
 * subclass of its bucketer. `record` takes finite numbers only (the caller checks).
 */
export abstract class DistributionSeries implements Series {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(
    readonly tags: SeriesTags,
    readonly overflow: boolean,
    readonly startTimeUnixNano: bigint,
  ) {}

  /** Records a finite `value`. */
  abstract record(value: number): void;

  /** The current buckets, as explicit bounds (and, for exponential ones, also natively). */
  protected abstract buckets(): Buckets;

  protected observe(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  snapshot(): DistributionSnapshot {
    const empty = this.count === 0;
    return {
      count: this.count,
      sum: this.sum + 0,
      // `+ 0` reports a recorded -0 as 0.
      min: empty ? Number.NaN : this.min + 0,
      max: empty ? Number.NaN : this.max + 0,
      ...this.buckets(),
    };
  }
}
