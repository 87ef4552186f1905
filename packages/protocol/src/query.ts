/**
 * The query API contract (DESIGN.md "Query model"): what `POST /api/query`,
 * `GET /api/traces/{trace_id}` and `GET /api/columns` take and answer. Shared by the collector,
 * which validates requests and builds answers, and the UI, which builds requests and reads
 * answers. Browser-safe: no Node imports (load it as `@sonde/protocol/query`).
 */
import type { SpanKind, StatusCode } from "./model.js";

/** Calculation ops. `COUNT` takes no column; every other op needs a numeric one. */
export const CALCULATION_OPS = [
  "COUNT",
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "P50",
  "P90",
  "P95",
  "P99",
  "HEATMAP",
] as const;
export type CalculationOp = (typeof CALCULATION_OPS)[number];

/**
 * Calculation ops of the `metrics` dataset, by metric kind: counters RATE (per second, as
 * PromQL `rate()`) and INCREASE (exact, resets handled); gauges and constants LAST, AVG, MIN,
 * MAX; distributions P50, P90, P95, P99 (as PromQL `histogram_quantile()` over the merged
 * buckets), HEATMAP (the merged buckets), COUNT (observations) and SUM (of observed values).
 */
export const METRIC_OPS = [
  "RATE",
  "INCREASE",
  "LAST",
  "AVG",
  "MIN",
  "MAX",
  "P50",
  "P90",
  "P95",
  "P99",
  "HEATMAP",
  "COUNT",
  "SUM",
] as const;
export type MetricOp = (typeof METRIC_OPS)[number];

/** Filter ops. `in` takes a list, `exists`/`not-exists` no value, the others one value. */
export const FILTER_OPS = [
  "=",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "exists",
  "not-exists",
  "contains",
  "in",
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** A value as stored in a span column or attribute, and as a filter compares it. */
export type Scalar = string | number | boolean;

/** One calculation; `column` is absent exactly for `COUNT`. Answers name it by {@link calculationKey}. */
export interface Calculation {
  op: CalculationOp;
  column?: string;
}

/**
 * One filter. `value` is absent for `exists`/`not-exists`, a non-empty list of one JSON type for
 * `in`, else one value; for the `timestamp` column values are ISO-8601 text. Ordering ops on an
 * attribute compare numbers only.
 */
export interface Filter {
  column: string;
  op: FilterOp;
  value?: Scalar | Scalar[];
}

/**
 * Absolute bounds, ISO-8601 date-times with a zone (`start` inclusive, `end` exclusive), or the
 * span before now: a duration such as `"15m"` (units s, m, h, d, w) or a number of seconds.
 */
export type TimeRange = { start: string; end: string } | { last: string | number };

/** The body of `POST /api/query` for spans. Absent fields take the defaults noted. */
export interface QueryRequest {
  /** `spans` here; `metrics` is {@link MetricQueryRequest}; `events` and `logs` are planned. */
  dataset: "spans";
  time_range: TimeRange;
  /** At most 50, no two with the same {@link calculationKey}; default `[{ op: "COUNT" }]`. */
  calculations?: Calculation[];
  /** At most 100, all must hold (AND); default none. */
  filters?: Filter[];
  /** Column or attribute names to group by, distinct, at most 20; default none. */
  breakdowns?: string[];
  /**
   * Width of a series time bucket in seconds, a positive integer, buckets aligned to the epoch;
   * default: the smallest "nice" width giving at most 240 buckets over the range.
   */
  granularity_s?: number;
  /** Maximum number of groups, 1..1000; default 100. */
  limit?: number;
}

/**
 * The body of `POST /api/query` for one metric. Calculations take no column (the metric is the
 * value) and are answered under their op's name (`RATE`, `P99`); each op fits one kind (see
 * {@link METRIC_OPS}), and another kind's op is refused (400). Filters and breakdowns name
 * identity fields (`service.name`, `host.name`, …) or tags (`route`); an identity field wins
 * over a tag of the same name. Per time bucket `[t, t + granularity_s)`:
 * - INCREASE: the sum of the series' reset-aware increases of samples in the bucket (a series'
 *   first sample counts its whole value when its start time is known);
 * - RATE: per series, Prometheus' `extrapolatedRate` over the samples in the bucket (clipped
 *   to the time range), with the bucket as the range, summed over the group's series, i.e.
 *   `sum by (…) (rate(metric[granularity_s]))` evaluated at the bucket's end; null with fewer
 *   than two samples;
 * - LAST: the sum over the group's series of each one's last value; AVG, MIN, MAX over every
 *   sample of the group's series (unchanged samples included);
 * - COUNT, SUM: observations and their sum; P50…P99: `histogram_quantile` over the bucket
 *   counts merged by upper bound; HEATMAP: the merged buckets, `(lower, upper]`, the first
 *   one's lower bound the smallest observed value (or 0), the +Inf one's upper bound the largest.
 * Totals compute the same over the whole range.
 */
export interface MetricQueryRequest {
  dataset: "metrics";
  /** The metric name, e.g. `/net/http/server/request_count`. */
  metric: string;
  time_range: TimeRange;
  /** At most 50, distinct; default: RATE for counters, AVG for gauges, P99 for distributions. */
  calculations?: { op: MetricOp }[];
  filters?: Filter[];
  breakdowns?: string[];
  granularity_s?: number;
  limit?: number;
}

/** One HEATMAP bucket: values in [lower, upper) (the last bucket includes its upper bound). */
export interface HeatmapBucket {
  lower: number;
  upper: number;
  count: number;
}

/** A HEATMAP result: its non-empty buckets, ascending. */
export interface HeatmapValue {
  buckets: HeatmapBucket[];
}

/** A calculation's result: a number (COUNT, SUM, ...), null when no row had a value, or a heatmap. */
export type CalculationValue = number | null | HeatmapValue;

/** Calculation key (`COUNT`, `P99(duration_ms)`) → value. */
export type CalculationValues = Record<string, CalculationValue>;

/**
 * Breakdown name → value of a group: a span column's value as typed, an attribute's as text,
 * null when the group lacks the attribute.
 */
export type Group = Record<string, Scalar | null>;

/** The answer to `POST /api/query`. */
export interface QueryResult {
  /** One entry per group, ordered and limited; exactly one (`group: {}`) without breakdowns. */
  totals: { group: Group; values: CalculationValues }[];
  /**
   * The same groups in the same order, each with one point per time bucket of the range (start
   * of the bucket as ISO-8601 UTC), buckets without rows included: COUNT 0, other numbers null,
   * HEATMAP with no buckets.
   */
  series: { group: Group; points: { time: string; values: CalculationValues }[] }[];
}

/**
 * One span of a trace: its columns under their query names, then every attribute under its own
 * name (a column wins over an attribute of the same name), then `events` and `links`.
 */
export interface TraceSpan {
  /** 32 hex digits. */
  trace_id: string;
  /** 16 hex digits. */
  span_id: string;
  /** `""` for a root span. */
  parent_span_id: string;
  /** W3C `tracestate`, `""` when none. */
  trace_state: string;
  name: string;
  kind: SpanKind;
  "service.name": string;
  /** Start, ISO-8601 UTC with millisecond precision. */
  timestamp: string;
  /** Exact start, nanoseconds since the epoch as decimal text. */
  start_time_unix_nano: string;
  /** Exact end, nanoseconds since the epoch as decimal text. */
  end_time_unix_nano: string;
  duration_ms: number;
  status_code: StatusCode;
  status_message: string;
  /** The span's events as stored (a JSON list, parsed), `[]` if unreadable. */
  events: unknown;
  /** The span's links as stored (a JSON list, parsed), `[]` if unreadable. */
  links: unknown;
  [attribute: string]: unknown;
}

/** The answer to `GET /api/traces/{trace_id}`; `spans` is empty when the trace is unknown. */
export interface TraceResult {
  trace_id: string;
  /** Ordered by start time, then span id. */
  spans: TraceSpan[];
}

/** Column types; attributes are typed by the map they are stored in. */
export type ColumnType = "string" | "number" | "bool" | "timestamp";

/** A queryable column: a span column or an attribute name. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
}

/** The fixed span columns (DESIGN.md "Query model"), in display order; attributes come after. */
export const SPAN_COLUMNS: readonly { name: string; type: "string" | "number" | "timestamp" }[] = [
  { name: "trace_id", type: "string" },
  { name: "span_id", type: "string" },
  { name: "parent_span_id", type: "string" },
  { name: "name", type: "string" },
  { name: "kind", type: "string" },
  { name: "service.name", type: "string" },
  { name: "timestamp", type: "timestamp" },
  { name: "duration_ms", type: "number" },
  { name: "status_code", type: "string" },
  { name: "status_message", type: "string" },
];

/** The answer to `GET /api/columns`. */
export interface ColumnsResult {
  columns: ColumnInfo[];
}

/**
 * The answer key of a calculation: `COUNT`, `P99(duration_ms)`, `HEATMAP(duration_ms)`; a
 * calculation without a column (or with an empty one) is named by its op alone. Throws nothing.
 */
export function calculationKey(calc: { op: string; column?: string }): string {
  return calc.column ? `${calc.op}(${calc.column})` : calc.op;
}

/** One metric of the catalogue: its declared metadata and where it has been seen. */
export interface MetricCatalogEntry {
  /** Path-style name, e.g. `/net/http/server/request_count`. */
  name: string;
  description: string;
  /** UCUM unit, e.g. `ms`, `By`, `1`. */
  unit: string;
  /** `constant`, `gauge`, `counter` or `distribution` (DESIGN.md "Metric model"). */
  kind: string;
  /** `int`, `double`, `string` or `bool`. */
  value_type: string;
  /** True for counters. */
  monotonic: boolean;
  /** `sonde.owner` from the metric's metadata, or `""`. */
  owner: string;
  /** `sonde.stability` from the metadata (`stable`, `experimental`, `deprecated`), or `""`. */
  stability: string;
  /** Where the metric is declared, when known (`column` is 0: not stored). */
  source: { file: string; line: number; column: number } | null;
  /**
   * The declared metadata as `sonde.kind`, `sonde.value_type`, `sonde.owner`,
   * `sonde.stability`, `code.file.path`, `code.line.number` (the empty ones left out).
   */
  metadata: Record<string, unknown>;
  /** Services that reported it (identity `service.name`), sorted. */
  services: string[];
  /** Identity field names of its series, sorted. */
  identity: string[];
  /** Tag names of its series, sorted. */
  tags: string[];
  /** Distribution bucket upper bounds of its latest defined series ([] otherwise). */
  bounds: number[];
  /** Number of series. */
  series: number;
  /** Time of its last stored sample, ISO-8601; null before the first. */
  last_seen: string | null;
}

/** The answer to `GET /api/metrics`: every stored metric, sorted by name. */
export interface MetricCatalog {
  metrics: MetricCatalogEntry[];
}
