import type { DuckDBConnection } from "@duckdb/node-api";
import { ColumnBatch } from "./columns.js";
import type { MetricKind, MetricSample, MetricValueType } from "./metric-series.js";

/**
 * What the store remembers of a series between samples: enough to turn deltas into cumulative
 * values, cumulative values into reset-aware increases, and unchanged samples into rows.
 */
export interface SeriesState {
  kind: MetricKind;
  valueType: MetricValueType;
  /** Number of buckets (bounds + 1) of a distribution. */
  buckets: number;
  /** The start time the latest definition declared. */
  declaredStart: bigint;
  /** The start time of the current run; -1n before the first sample. */
  start: bigint;
  /** Time of the last stored sample; -1n before the first. */
  time: bigint;
  /** Last absolute value: a counter's cumulative count, a gauge's value (booleans as 0/1). */
  value: number;
  /** Last value of a string series. */
  text: string;
  /** A distribution's count, sum and bucket counts since `start`. */
  count: number;
  sum: number;
  bucketCounts: Float64Array;
}

/** A fresh state for a series that has no stored sample. */
export function newSeriesState(
  kind: MetricKind,
  valueType: MetricValueType,
  buckets: number,
  declaredStart: bigint,
): SeriesState {
  return {
    kind,
    valueType,
    buckets,
    declaredStart,
    start: -1n,
    time: -1n,
    value: 0,
    text: "",
    count: 0,
    sum: 0,
    bucketCounts: new Float64Array(kind === "distribution" ? buckets : 0),
  };
}

const numberOf = (v: unknown): number =>
  typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "bigint" ? Number(v) : (v as number);

/**
 * Rows for the metric tables, converted from samples in arrival order (see `metric-schema.ts`
 * for the tables). Conversion rules:
 * - a sample at or before its series' last stored time is a duplicate or out of order: it is
 *   skipped and counted in `skipped`;
 * - a series (re)starts when its first sample arrives or when the sample's start time (else the
 *   latest defined one) differs from its current run's; a counter also resets when its
 *   cumulative value decreases (PromQL's rule). The row of a (re)starting sample carries the
 *   start time;
 * - a counter's increase is `value - previous`, or the whole value at a (re)start when its start
 *   time is known (non-zero: everything since then was counted) and 0 when it is not; a `delta`
 *   is its own increase and is added to the cumulative value;
 * - a distribution's interval observations are the delta, or the cumulative counts minus the
 *   previous ones (the whole cumulative counts at a (re)start, under the same rule);
 * - an unchanged sample repeats the series' last value with increase 0; an unchanged
 *   distribution has no observation and adds no row.
 */
export class SampleRows {
  readonly samples = new ColumnBatch(["u32", "i64", "i64", "f64", "f64"] as const);
  readonly texts = new ColumnBatch(["u32", "i64", "i64", "str"] as const);
  readonly distributions = new ColumnBatch([
    "u32",
    "i64",
    "i64",
    "f64",
    "f64",
    "f64n",
    "f64n",
  ] as const);
  readonly bucketRows = new ColumnBatch(["u32", "i64", "u16", "f64"] as const);
  /** Samples skipped as duplicates or out of order. */
  skipped = 0;

  /**
   * Checks a sample against its series without changing anything; returns an error message
   * naming the field, or undefined.
   */
  static check(
    sample: MetricSample,
    state: SeriesState | undefined,
    i: number,
  ): string | undefined {
    const at = `samples[${i}]`;
    if (state === undefined) return `${at}.series: unknown series ${sample.series}`;
    if (typeof sample.timeUnixNano !== "bigint") return `${at}.timeUnixNano: must be a bigint`;
    if (state.kind === "distribution") {
      const d = sample.distribution;
      if (d === undefined) return `${at}.distribution: required for a distribution`;
      if (!Array.isArray(d.bucketCounts) || d.bucketCounts.length !== state.buckets) {
        return `${at}.distribution.bucketCounts: must have ${state.buckets} counts`;
      }
      return undefined;
    }
    if (sample.delta !== undefined) {
      return state.kind === "counter" ? undefined : `${at}.delta: only counters take a delta`;
    }
    const v = sample.value;
    const ok =
      state.valueType === "string"
        ? typeof v === "string"
        : typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";
    return ok ? undefined : `${at}.value: a ${state.valueType} value is required`;
  }

  /** Converts one checked sample and advances its series' state. */
  add(id: number, state: SeriesState, sample: MetricSample): void {
    const t = sample.timeUnixNano;
    if (t <= state.time) {
      this.skipped++;
      return;
    }
    const start = sample.startTimeUnixNano ?? state.declaredStart;
    let restart = state.time < 0n || start !== state.start;
    const known = start !== 0n;
    if (state.kind === "distribution") {
      this.addDistribution(id, state, sample, t, start, restart, known);
      state.time = t;
      return;
    }
    if (state.valueType === "string") {
      const text = sample.value as string;
      const c = this.texts.cols;
      const n = this.texts.length;
      c[0][n] = id;
      c[1][n] = t;
      c[2][n] = restart ? start : 0n;
      c[3][n] = text;
      this.texts.endRow();
      state.text = text;
    } else {
      let value: number;
      let increase = 0;
      if (state.kind === "counter") {
        if (sample.delta !== undefined) {
          increase = numberOf(sample.delta);
          value = (restart ? 0 : state.value) + increase;
        } else {
          value = numberOf(sample.value);
          if (!restart && value < state.value) restart = true;
          increase = restart ? (known ? value : 0) : value - state.value;
        }
      } else {
        value = numberOf(sample.value);
      }
      const c = this.samples.cols;
      const n = this.samples.length;
      c[0][n] = id;
      c[1][n] = t;
      c[2][n] = restart ? start : 0n;
      c[3][n] = value;
      c[4][n] = increase;
      this.samples.endRow();
      state.value = value;
    }
    if (restart) state.start = start;
    state.time = t;
  }

  private addDistribution(
    id: number,
    state: SeriesState,
    sample: MetricSample,
    t: bigint,
    start: bigint,
    restart: boolean,
    known: boolean,
  ): void {
    const d = sample.distribution as NonNullable<MetricSample["distribution"]>;
    if (!d.delta && !restart && d.count < state.count) restart = true;
    // The interval's observations: a delta as is; cumulative counts minus the previous ones, or
    // all of them at a known (re)start, or none at a (re)start from an unknown time.
    const increase = (now: number, before: number) =>
      d.delta || (restart && known) ? now : restart ? 0 : now - before;
    // The new cumulative totals since the run's start.
    const total = (now: number, before: number) => (d.delta && !restart ? before + now : now);
    const c = this.distributions.cols;
    const n = this.distributions.length;
    c[0][n] = id;
    c[1][n] = t;
    c[2][n] = restart ? start : 0n;
    c[3][n] = increase(d.count, state.count);
    c[4][n] = increase(d.sum, state.sum);
    c[5][n] = d.min;
    c[6][n] = d.max;
    this.distributions.endRow();
    const b = this.bucketRows;
    for (let i = 0; i < state.buckets; i++) {
      const observed = increase(d.bucketCounts[i], state.bucketCounts[i]);
      if (observed !== 0) {
        b.cols[0][b.length] = id;
        b.cols[1][b.length] = t;
        b.cols[2][b.length] = i;
        b.cols[3][b.length] = observed;
        b.endRow();
      }
      state.bucketCounts[i] = total(d.bucketCounts[i], state.bucketCounts[i]);
    }
    state.count = total(d.count, state.count);
    state.sum = total(d.sum, state.sum);
    if (restart) state.start = start;
  }

  /** Rows for series sampled at `t` with the same value as their previous sample. */
  addUnchanged(id: number, state: SeriesState, t: bigint): void {
    if (t <= state.time || state.time < 0n) {
      this.skipped++;
      return;
    }
    state.time = t;
    if (state.kind === "distribution") return;
    if (state.valueType === "string") {
      const c = this.texts.cols;
      const n = this.texts.length;
      c[0][n] = id;
      c[1][n] = t;
      c[2][n] = 0n;
      c[3][n] = state.text;
      this.texts.endRow();
      return;
    }
    const c = this.samples.cols;
    const n = this.samples.length;
    c[0][n] = id;
    c[1][n] = t;
    c[2][n] = 0n;
    c[3][n] = state.value;
    c[4][n] = 0;
    this.samples.endRow();
  }

  /** Drops every buffered row. */
  clear(): void {
    for (const batch of [this.samples, this.texts, this.distributions, this.bucketRows]) {
      batch.length = 0;
    }
  }

  /** Appends every buffered row to its table through `conn` and empties the buffers. */
  async appendTo(conn: DuckDBConnection): Promise<void> {
    const tables = [
      ["metric_samples", this.samples],
      ["metric_text_samples", this.texts],
      ["metric_distributions", this.distributions],
      ["metric_buckets", this.bucketRows],
    ] as const;
    for (const [table, batch] of tables) {
      if (batch.length === 0) continue;
      const appender = await conn.createAppender(table);
      batch.appendTo(appender);
      appender.closeSync();
    }
  }
}
