import type { BoundGauge, GaugeImplementation, MetricDeclaration, TagSet } from "@sonde/api";
import { nowUnixNano } from "../clock.js";
import type { Accounting } from "./accounting.js";
import { describe } from "./describe.js";
import { type GaugeValues, gaugeValues } from "./gauge-values.js";
import type { SeriesSnapshot } from "./read.js";
import type { ClampReason } from "./self-metrics.js";
import { type Series, SeriesTable } from "./series-table.js";

/** A handle on one series: no lookup, no allocation. */
class BoundSeriesGauge implements BoundGauge<unknown, unknown> {
  constructor(
    readonly gauge: SdkGauge,
    readonly values: GaugeValues<Series>,
    readonly series: Series,
  ) {}

  set(value: unknown): void {
    if (!this.values.accepts(value)) {
      this.gauge.invalidValue(value, "set");
      return;
    }
    const clamped = this.values.set(this.series, value);
    if (clamped !== undefined) this.gauge.clamped(clamped, value);
  }

  add(delta: unknown): void {
    if (!this.values.acceptsDelta(delta)) {
      this.gauge.invalidValue(delta, "add");
      return;
    }
    const clamped = this.values.add(this.series, delta);
    if (clamped !== undefined) this.gauge.clamped(clamped, delta);
  }
}

/** A handle on the overflow series: also counts each sample as overflowing. */
class BoundOverflowGauge extends BoundSeriesGauge {
  override set(value: unknown): void {
    if (this.values.accepts(value)) this.gauge.overflowed();
    super.set(value);
  }

  override add(delta: unknown): void {
    if (this.values.acceptsDelta(delta)) this.gauge.overflowed();
    super.add(delta);
  }
}

/** A handle whose tags were invalid: every sample is dropped and counted. */
class BoundInvalidGauge implements BoundGauge<unknown, unknown> {
  constructor(
    readonly gauge: SdkGauge,
    readonly values: GaugeValues<Series>,
    readonly tags: unknown,
  ) {}

  set(value: unknown): void {
    if (!this.values.accepts(value)) this.gauge.invalidValue(value, "set");
    else this.gauge.invalidTags(this.tags);
  }

  add(delta: unknown): void {
    if (!this.values.acceptsDelta(delta)) this.gauge.invalidValue(delta, "add");
    else this.gauge.invalidTags(this.tags);
  }
}

/**
 * An in-memory gauge of one value type: per series the last value set (ints exact as int64,
 * enums by member name) and the series' start time. Invalid values and tags are dropped and
 * counted; out-of-range ints and long strings are clamped and counted; never throws.
 */
export class SdkGauge implements GaugeImplementation {
  readonly declaration: MetricDeclaration;
  readonly #accounting: Accounting;
  readonly #values: GaugeValues<Series>;
  readonly #table: SeriesTable<Series>;

  constructor(declaration: MetricDeclaration, maxSeries: number, accounting: Accounting) {
    this.declaration = declaration;
    this.#accounting = accounting;
    const values = gaugeValues(declaration);
    this.#values = values;
    this.#table = new SeriesTable(declaration, maxSeries, (tags, overflow) =>
      values.create(tags, overflow, nowUnixNano()),
    );
  }

  set(value: unknown, tags: TagSet | undefined): void {
    if (!this.#values.accepts(value)) {
      this.invalidValue(value, "set");
      return;
    }
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.invalidTags(tags);
      return;
    }
    if (series.overflow) this.overflowed();
    const clamped = this.#values.set(series, value);
    if (clamped !== undefined) this.clamped(clamped, value);
  }

  add(delta: unknown, tags: TagSet | undefined): void {
    if (!this.#values.acceptsDelta(delta)) {
      this.invalidValue(delta, "add");
      return;
    }
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.invalidTags(tags);
      return;
    }
    if (series.overflow) this.overflowed();
    const clamped = this.#values.add(series, delta);
    if (clamped !== undefined) this.clamped(clamped, delta);
  }

  bind(tags: TagSet | undefined): BoundGauge<unknown, unknown> {
    const series = this.#table.get(tags);
    if (series === undefined) {
      this.#accounting.unusable(
        this.declaration,
        `tags ${describe(tags)} do not match the declared tags`,
      );
      return new BoundInvalidGauge(this, this.#values, tags);
    }
    return series.overflow
      ? new BoundOverflowGauge(this, this.#values, series)
      : new BoundSeriesGauge(this, this.#values, series);
  }

  /** @internal Counts a dropped value. */
  invalidValue(value: unknown, operation: "set" | "add"): void {
    const type = this.declaration.valueType;
    const detail =
      operation === "add" && (type === "string" || type === "bool")
        ? `add is not defined for ${type} gauges`
        : `${operation} ${describe(value)} is not a valid ${type}${this.declaration.values === undefined ? "" : " of the declared values"}`;
    this.#accounting.dropped(this.declaration, "invalid_value", detail);
  }

  /** @internal Counts a clamped value. */
  clamped(reason: ClampReason, value: unknown): void {
    const detail =
      reason === "too_long"
        ? "string value truncated to 4096 characters"
        : `${describe(value)} clamped to the int64 or double range`;
    this.#accounting.clamped(this.declaration, reason, detail);
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

  /**
   * Snapshots of series `from` (inclusive) to `to` (exclusive), read at `timeUnixNano`;
   * series never set (bound only) are left out.
   */
  readSeries(from: number, to: number, timeUnixNano: bigint): SeriesSnapshot[] {
    return this.#table.read(from, to, timeUnixNano, (series) => {
      const value = this.#values.read(series);
      return value === undefined ? undefined : { value };
    });
  }
}
