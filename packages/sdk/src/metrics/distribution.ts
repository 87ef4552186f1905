import type {
  BoundDistribution,
  DistributionImplementation,
  MetricDeclaration,
  TagSet,
} from "@sonde/api";
import { nowUnixNano } from "../clock.js";
import type { Accounting } from "./accounting.js";
import { ExplicitBounds, ExplicitSeries } from "./buckets/explicit.js";
import { ExponentialSeries } from "./buckets/exponential.js";
import { type BucketerProblems, FunctionSeries } from "./buckets/function.js";
import type { DistributionSeries } from "./buckets/series.js";
import { describe } from "./describe.js";
import type { SeriesSnapshot } from "./read.js";
import { SeriesTable, type SeriesTags } from "./series-table.js";

/** A handle on one series: a finiteness check and the bucketer's record; no allocation. */
class BoundSeriesDistribution implements BoundDistribution {
  constructor(
    readonly distribution: SdkDistribution,
    readonly series: DistributionSeries,
  ) {}

  record(value: number): void {
    if (Number.isFinite(value)) this.series.record(value);
    else this.distribution.invalidValue(value);
  }
}

/** A handle on the overflow series: also counts each sample as overflowing. */
class BoundOverflowDistribution extends BoundSeriesDistribution {
  override record(value: number): void {
    if (Number.isFinite(value)) this.distribution.overflowed();
    super.record(value);
  }
}

/** A handle whose tags were invalid: every sample is dropped and counted. */
class BoundInvalidDistribution implements BoundDistribution {
  constructor(
    readonly distribution: SdkDistribution,
    readonly tags: unknown,
  ) {}

  record(value: number): void {
    if (!Number.isFinite(value)) this.distribution.invalidValue(value);
    else this.distribution.invalidTags(this.tags);
  }
}

/**
 * An in-memory distribution: per series the buckets of the declared bucketer (explicit,
 * exponential or function), count, sum, min, max, per-bucket exemplars and the start time.
 * Non-finite values and invalid tags are dropped and counted; never throws.
 */
export class SdkDistribution implements DistributionImplementation {
  readonly declaration: MetricDeclaration;
  readonly #accounting: Accounting;
  readonly #table: SeriesTable<DistributionSeries>;

  constructor(declaration: MetricDeclaration, maxSeries: number, accounting: Accounting) {
    this.declaration = declaration;
    this.#accounting = accounting;
    this.#table = new SeriesTable(declaration, maxSeries, this.#factory());
  }

  record(value: number, tags: TagSet | undefined): void {
    if (!Number.isFinite(value)) {
      this.invalidValue(value);
      return;
    }
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.invalidTags(tags);
      return;
    }
    if (series.overflow) this.overflowed();
    series.record(value);
  }

  bind(tags: TagSet | undefined): BoundDistribution {
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.#accounting.unusable(
        this.declaration,
        `tags ${describe(tags)} do not match the declared tags`,
      );
      return new BoundInvalidDistribution(this, tags);
    }
    return series.overflow
      ? new BoundOverflowDistribution(this, series)
      : new BoundSeriesDistribution(this, series);
  }

  /** @internal Counts a dropped value. */
  invalidValue(value: unknown): void {
    this.#accounting.dropped(
      this.declaration,
      "invalid_value",
      `value ${describe(value)} is not a finite number`,
    );
  }

  /** @internal Counts a sample dropped for its tags. */
  invalidTags(tags: unknown): void {
    this.#accounting.invalidTags(this.declaration, tags);
  }

  /** @internal Counts a sample recorded in the overflow series. */
  overflowed(): void {
    this.#accounting.overflowed(this.declaration, this.#table.maxSeries);
  }

  /** Series in creation order, the overflow series last. */
  get seriesCount(): number {
    return this.#table.size;
  }

  /** Snapshots of series `from` (inclusive) to `to` (exclusive), read at `timeUnixNano`. */
  readSeries(from: number, to: number, timeUnixNano: bigint): SeriesSnapshot[] {
    return this.#table.read(from, to, timeUnixNano, (series) => ({
      distribution: series.snapshot(),
    }));
  }

  /** Creates the series of this distribution's bucketer. */
  #factory(): (tags: SeriesTags, overflow: boolean) => DistributionSeries {
    const bucketer = this.declaration.bucketer ?? { type: "explicit", bounds: [] };
    if (bucketer.type === "explicit") {
      const buckets = new ExplicitBounds(bucketer.bounds);
      return (tags, overflow) => new ExplicitSeries(buckets, tags, overflow, nowUnixNano());
    }
    if (bucketer.type === "exponential") {
      const { maxScale, maxSize } = bucketer;
      return (tags, overflow) =>
        new ExponentialSeries(maxScale, maxSize, tags, overflow, nowUnixNano());
    }
    const { upperBound, maxBuckets } = bucketer;
    const problems: BucketerProblems = {
      failed: (value, answer, error) =>
        this.#accounting.dropped(
          this.declaration,
          "bucketer_error",
          error === undefined
            ? `bucketer answered ${describe(answer)} for ${value}, not a bound >= the value`
            : `bucketer threw ${describe(error instanceof Error ? error.message : error)} for ${value}`,
        ),
      bucketLimit: () =>
        this.#accounting.clamped(
          this.declaration,
          "bucket_limit",
          `a series reached ${maxBuckets} buckets; further buckets are merged into the next higher one`,
        ),
    };
    return (tags, overflow) =>
      new FunctionSeries(upperBound, maxBuckets, problems, tags, overflow, nowUnixNano());
  }
}
