import type { BoundCounter, CounterImplementation, MetricDeclaration, TagSet } from "@sonde/api";
import { nowUnixNano } from "../clock.js";
import type { Accounting } from "./accounting.js";
import { describe } from "./describe.js";
import { INT64_MAX, MAX_SAFE } from "./int64.js";
import type { SeriesSnapshot } from "./read.js";
import { type Series, SeriesTable, type SeriesTags } from "./series-table.js";

// The largest carry: with `value` at most 2^53 − 1, `carry + value` stays within int64 without
// the hot path checking it.
const MAX_CARRY = INT64_MAX - BigInt(MAX_SAFE);

/**
 * A counter series: the total is `carry + value`, with `value` a safe integer (the hot path)
 * and `carry` the bigint part once the total passed 2^53 − 1; at most 2^63 − 1.
 */
class CounterSeries implements Series {
  value = 0;
  carry = 0n;
  readonly startTimeUnixNano = nowUnixNano();

  constructor(
    readonly tags: SeriesTags,
    readonly overflow: boolean,
  ) {}

  total(): bigint {
    return this.carry + BigInt(this.value);
  }
}

/** A handle on one series: a check, an add and a compare; no lookup, no allocation. */
class BoundSeriesCounter implements BoundCounter {
  constructor(
    readonly counter: SdkCounter,
    readonly series: CounterSeries,
  ) {}

  add(n: number | bigint): void {
    if (Number.isSafeInteger(n) && (n as number) >= 0) {
      const value = this.series.value + (n as number);
      if (value <= MAX_SAFE) {
        this.series.value = value;
        return;
      }
    }
    this.counter.addSlowly(this.series, n);
  }
}

/** A handle on the overflow series: also counts each sample as overflowing. */
class BoundOverflowCounter extends BoundSeriesCounter {
  override add(n: number | bigint): void {
    if (this.counter.addSlowly(this.series, n)) this.counter.overflowed();
  }
}

/** A handle whose tags were invalid: every sample is dropped and counted. */
class BoundInvalidCounter implements BoundCounter {
  constructor(
    readonly counter: SdkCounter,
    readonly tags: unknown,
  ) {}

  add(n: number | bigint): void {
    if (this.counter.incrementOf(n) !== undefined) this.counter.invalidTags(this.tags);
  }
}

/**
 * An in-memory counter: per series a cumulative int64 total (exact, saturating at 2^63 − 1)
 * and its start time. Negative increments and invalid values or tags are dropped and counted,
 * never thrown.
 */
export class SdkCounter implements CounterImplementation {
  readonly declaration: MetricDeclaration;
  readonly #accounting: Accounting;
  readonly #table: SeriesTable<CounterSeries>;

  constructor(declaration: MetricDeclaration, maxSeries: number, accounting: Accounting) {
    this.declaration = declaration;
    this.#accounting = accounting;
    this.#table = new SeriesTable(
      declaration,
      maxSeries,
      (tags, overflow) => new CounterSeries(tags, overflow),
    );
  }

  add(n: number | bigint, tags: TagSet | undefined): void {
    if (Number.isSafeInteger(n) && (n as number) >= 0) {
      const series = this.#table.get(tags);
      if (series === undefined) {
        this.invalidTags(tags);
        return;
      }
      if (series.overflow) this.overflowed();
      const value = series.value + (n as number);
      if (value <= MAX_SAFE) series.value = value;
      else this.addSlowly(series, n);
      return;
    }
    if (this.incrementOf(n) === undefined) return;
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.invalidTags(tags);
      return;
    }
    if (series.overflow) this.overflowed();
    this.addSlowly(series, n);
  }

  bind(tags: TagSet | undefined): BoundCounter {
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.#accounting.unusable(
        this.declaration,
        `tags ${describe(tags)} do not match the declared tags`,
      );
      return new BoundInvalidCounter(this, tags);
    }
    return series.overflow
      ? new BoundOverflowCounter(this, series)
      : new BoundSeriesCounter(this, series);
  }

  /** @internal The increment `n` stands for, or undefined after counting it as dropped. */
  incrementOf(n: unknown): bigint | undefined {
    if (Number.isSafeInteger(n) && (n as number) >= 0) return BigInt(n as number);
    if ((typeof n === "number" || typeof n === "bigint") && n < 0) {
      this.#accounting.dropped(this.declaration, "negative_increment", `increment ${describe(n)}`);
      return undefined;
    }
    if (typeof n === "bigint" || (typeof n === "number" && Number.isInteger(n))) {
      return BigInt(n);
    }
    this.#accounting.dropped(
      this.declaration,
      "invalid_value",
      `increment ${describe(n)} is not a non-negative integer`,
    );
    return undefined;
  }

  /**
   * @internal Adds `n` exactly through the bigint part (totals past 2^53 − 1, bigint or huge
   * increments), saturating at 2^63 − 1 (counted as clamped). False when `n` was dropped.
   */
  addSlowly(series: CounterSeries, n: unknown): boolean {
    const increment = this.incrementOf(n);
    if (increment === undefined) return false;
    const total = series.carry + BigInt(series.value) + increment;
    if (total > INT64_MAX) {
      // Saturated: `value` at its maximum sends every later non-zero add here, to be counted.
      series.carry = MAX_CARRY;
      series.value = MAX_SAFE;
      this.#accounting.clamped(this.declaration, "out_of_range", "total saturated at 2^63 - 1");
    } else if (total > MAX_CARRY) {
      series.carry = MAX_CARRY;
      series.value = Number(total - MAX_CARRY);
    } else {
      series.carry = total;
      series.value = 0;
    }
    return true;
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
    return this.#table.read(from, to, timeUnixNano, (series) => ({ value: series.total() }));
  }
}
