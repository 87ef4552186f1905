import type { MetricDeclaration } from "@sonde/api";

/**
 * The one read interface of Sonde metrics, used by every exporter (OTLP, Prometheus), by the
 * test helper {@link metricsRecorder} and by anything that lists metrics.
 */

/** One metric: its declaration and the current value of each of its series. */
export interface MetricSnapshot {
  readonly declaration: MetricDeclaration;
  readonly series: readonly SeriesSnapshot[];
}

/** One series (one tag set) of a metric, read at `timeUnixNano`. */
export interface SeriesSnapshot {
  /**
   * Tag values as recorded (declared tag names only; enum tags by member name); `{}` for the
   * overflow series. Frozen and shared between reads.
   */
  readonly tags: Readonly<Record<string, string | number | boolean>>;
  /** True for the series that collects samples beyond the metric's series limit. */
  readonly overflow: boolean;
  /** When this series began accumulating (ns since the UNIX epoch); a reset moves it. */
  readonly startTimeUnixNano: bigint;
  /** When the value was read (ns since the UNIX epoch). */
  readonly timeUnixNano: bigint;
  /**
   * constant/gauge/counter: `"int"` values are `bigint` (exact int64), `"double"` `number`,
   * `"string"` `string`, `"bool"` `boolean`. Absent for distributions.
   */
  readonly value?: bigint | number | string | boolean;
  /** Distributions only. */
  readonly distribution?: DistributionSnapshot;
}

/** The state of one distribution series. */
export interface DistributionSnapshot {
  readonly count: number;
  readonly sum: number;
  /** NaN when count is 0. */
  readonly min: number;
  /** NaN when count is 0. */
  readonly max: number;
  /**
   * Inclusive upper bounds, ascending; `counts.length === bounds.length + 1` (the last bucket
   * is above every bound, +Inf). Exponential and function bucketers are expressed as bounds
   * too. Series of an explicit bucketer share one frozen bounds array.
   */
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
  /**
   * For exponential bucketers, the OTLP `ExponentialHistogramDataPoint` form: bucket
   * `offset + i` of a range holds magnitudes in `(base^(offset+i), base^(offset+i+1)]`,
   * `base = 2^(2^-scale)`; absent otherwise.
   */
  readonly exponential?: {
    readonly scale: number;
    readonly zeroCount: number;
    readonly positive: { readonly offset: number; readonly counts: readonly number[] };
    readonly negative: { readonly offset: number; readonly counts: readonly number[] };
  };
  /** One slot per bucket of `counts`: the last exemplar recorded in that bucket, or undefined. */
  readonly exemplars: readonly (ExemplarSnapshot | undefined)[];
}

/** A sample recorded while a sampled span was active, kept as an example of its bucket. */
export interface ExemplarSnapshot {
  readonly value: number;
  readonly timeUnixNano: bigint;
  /** 32 lower-case hex characters. */
  readonly traceId: string;
  /** 16 lower-case hex characters. */
  readonly spanId: string;
}

/** Something metrics can be read from: the SDK's registry, or the handle of `startSonde`. */
export interface MetricReader {
  /**
   * A synchronous, complete snapshot of every declared metric, in declaration order,
   * including metrics with no series yet; only the metrics `select` accepts when given.
   * Never throws (unless `select` does).
   */
  readMetrics(select?: (declaration: MetricDeclaration) => boolean): MetricSnapshot[];
  /**
   * The same, metric by metric: a metric with more than `chunkSize` series (default 1000) is
   * split into consecutive snapshots of the same declaration, each with at most `chunkSize`
   * series, and the generator yields to the event loop (`setImmediate`) whenever it has read
   * `chunkSize` series since its last turn, so serialising 100k series never blocks the loop
   * for long. Values in different chunks may be read at slightly different instants.
   */
  readMetricsIncrementally(chunkSize?: number): AsyncGenerator<MetricSnapshot>;
}
