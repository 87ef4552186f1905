/**
 * The query API contract (DESIGN.md "Query model"): what `POST /api/query`,
 * `GET /api/traces/{trace_id}` and `GET /api/columns` take and answer. Shared by the collector,
 * which validates requests and builds answers, and the UI, which builds requests and reads
 * answers. Browser-safe: no Node imports (load it as `@sonde/protocol/query`).
 */
import type { SpanKind, StatusCode } from "./model.js";

/**
 * Calculation ops of the `spans` dataset. `COUNT` and `CONCURRENCY` take no column;
 * `COUNT_DISTINCT` takes any column or attribute; every other op needs a numeric one.
 * Per time bucket `[t, t + granularity_s)` of a group (totals: the same over the whole range):
 * - COUNT, SUM, AVG, MIN, MAX: as in SQL over the matching spans;
 * - COUNT_DISTINCT: exact number of distinct non-null values (an attribute compared as text);
 * - P50…P99: `quantile_cont` (linear interpolation between the two nearest ranks), or a
 *   sketch estimate when the answer says so (see {@link QueryResult.approximate});
 * - HEATMAP: see {@link HeatmapValue};
 * - RATE_SUM: SUM per second, `SUM / granularity_s` (totals: SUM / range seconds);
 * - RATE_AVG: the per-second change of AVG between consecutive buckets,
 *   `(AVG(t) - AVG(t - granularity_s)) / granularity_s`, null for the first bucket of the range
 *   or when either AVG is null (for attributes that carry a cumulative value, e.g. bytes sent
 *   so far); totals: the mean of the group's non-null bucket rates, null when none;
 * - CONCURRENCY: the number of matching spans in progress during the bucket, i.e. whose
 *   `[start, end)` overlaps it (a span of zero duration counts in the bucket of its start);
 *   totals: the peak, the largest bucket value of the group.
 */
export const CALCULATION_OPS = [
  "COUNT",
  "COUNT_DISTINCT",
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "P50",
  "P90",
  "P95",
  "P99",
  "HEATMAP",
  "RATE_SUM",
  "RATE_AVG",
  "CONCURRENCY",
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

/**
 * One calculation; `column` is absent exactly for `COUNT` and `CONCURRENCY`. Answers name it by
 * {@link calculationKey}.
 */
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
 * Filters combined with AND (all must hold) or OR (at least one); nest groups for mixed logic,
 * at most 4 levels deep and 100 filters in all. An empty AND holds, an empty OR does not.
 * Error paths name nested fields as `filters.filters[1].filters[0].value`.
 */
export interface FilterGroup {
  op: "AND" | "OR";
  filters: (Filter | FilterGroup)[];
}

/** Comparison ops of a {@link Having} clause. */
export const HAVING_OPS = ["=", "!=", ">", ">=", "<", "<="] as const;
export type HavingOp = (typeof HAVING_OPS)[number];

/**
 * Keeps only groups whose total of one calculation compares true with `value`; a null total
 * never does. `calculation` is a {@link calculationKey} of the request's calculations (not a
 * HEATMAP).
 */
export interface Having {
  calculation: string;
  op: HavingOp;
  value: number;
}

/**
 * One ordering term: a calculation key (`P99(duration_ms)`, not a HEATMAP) ordering groups by
 * their totals, or a breakdown name ordering by its value. Nulls sort last either way.
 */
export interface OrderBy {
  /** A {@link calculationKey} of the request, or one of its breakdowns. */
  key: string;
  /** Default `desc`. */
  direction?: "asc" | "desc";
}

/**
 * Absolute bounds, ISO-8601 date-times with a zone (`start` inclusive, `end` exclusive), or the
 * span before now: a duration such as `"15m"` (units s, m, h, d, w) or a number of seconds.
 */
export type TimeRange = { start: string; end: string } | { last: string | number };

/**
 * Datasets of {@link QueryRequest}: one table each, queried with the same model. `spans` are
 * the stored spans ({@link SPAN_COLUMNS}); `events`, `logs` and `errors` the recorded events,
 * log records and error reports (issue 7; {@link DATASET_COLUMNS}). Every field or attribute of
 * a record (event fields, log line fields, error attributes, resource attributes) is an
 * attribute, named as recorded.
 */
export const QUERY_DATASETS = ["spans", "events", "logs", "errors"] as const;
export type QueryDataset = (typeof QUERY_DATASETS)[number];

/**
 * The body of `POST /api/query` for spans, events, logs or errors. Absent fields take the
 * defaults noted. Over `events`, `logs` and `errors` the model is the same as over spans except
 * that CONCURRENCY (which needs a duration) is refused with a 400 naming `calculations[i].op`,
 * and answers are always exact (rollups only exist for spans). A column of another dataset
 * (e.g. `duration_ms` over `logs`) is an attribute there.
 */
export interface QueryRequest {
  /** A {@link QueryDataset}; `metrics` is {@link MetricQueryRequest}. */
  dataset: QueryDataset;
  time_range: TimeRange;
  /** At most 50, no two with the same {@link calculationKey}; default `[{ op: "COUNT" }]`. */
  calculations?: Calculation[];
  /**
   * A list (all must hold, AND) or a {@link FilterGroup} combining with AND or OR; at most 100
   * filters; default none.
   */
  filters?: Filter[] | FilterGroup;
  /** Column or attribute names to group by, distinct, at most 20; default none. */
  breakdowns?: string[];
  /**
   * Width of a series time bucket in seconds, a positive integer, buckets aligned to the epoch;
   * default: the smallest "nice" width giving at most 240 buckets over the range.
   */
  granularity_s?: number;
  /**
   * Group order, applied before `limit`; ties broken by the group values ascending. Default:
   * the first calculation that is not a HEATMAP, descending.
   */
  order_by?: OrderBy[];
  /** At most 10, all must hold; applied to every group before ordering and `limit`. */
  having?: Having[];
  /** Maximum number of groups, 1..1000; default 100. */
  limit?: number;
  /**
   * Also answer each returned group's values for the same range shifted back by `offset` (a
   * duration such as `"1d"`, units s m h d w, or seconds), in {@link QueryResult.compare}.
   */
  compare?: { offset: string | number };
  /**
   * True: compute every value exactly from the stored spans, never from rollups (slower on
   * large ranges). Default false.
   */
  exact?: boolean;
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

/**
 * One HEATMAP bucket: values in [lower, upper) (the last bucket includes its upper bound). The
 * range [min, max] of the column over the returned groups' spans is cut into 20 equal-width
 * buckets shared by all groups and time buckets; only non-empty ones are listed.
 */
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

/**
 * Which values of an answer are estimates. Answers over large ranges may be computed from
 * rollups (per-minute aggregates kept at ingest, with a log-bucketed duration histogram as in
 * DDSketch, Masson et al., VLDB 2019). There COUNT, SUM, AVG, MIN, MAX, RATE_SUM of
 * `duration_ms` are exact, and:
 * - P50…P99 are within `relative_error` of the order statistic at rank ⌊q·(n−1)⌋ (the exact
 *   answer interpolates between that one and the next);
 * - HEATMAP bounds are exact, but a span within `relative_error` of a bucket edge may be
 *   counted in the neighbouring bucket.
 */
export interface Approximation {
  /** Keys of the estimated calculations, e.g. `["P99(duration_ms)", "HEATMAP(duration_ms)"]`. */
  calculations: string[];
  /** Bound on the relative error of an estimated value, e.g. 0.01. */
  relative_error: number;
}

/** The answer to `POST /api/query`. */
export interface QueryResult {
  /** True when some values are estimates (see {@link approximation}); absent or false: exact. */
  approximate?: boolean;
  /** Present when `approximate`: which values and how far off they may be. */
  approximation?: Approximation;
  /** One entry per group, ordered and limited; exactly one (`group: {}`) without breakdowns. */
  totals: { group: Group; values: CalculationValues }[];
  /**
   * The same groups in the same order, each with one point per time bucket of the range (start
   * of the bucket as ISO-8601 UTC), buckets without rows included: COUNT 0, other numbers null,
   * HEATMAP with no buckets.
   */
  series: { group: Group; points: { time: string; values: CalculationValues }[] }[];
  /**
   * With `compare` in the request: the same groups in the same order, over the range shifted
   * back by the offset (`time_range` of that range, ISO-8601). Each series has as many points
   * as the main one, point i covering the bucket of main point i shifted back; `time` is that
   * earlier instant. A group with no spans there has COUNT 0 and null values.
   */
  compare?: {
    offset_s: number;
    time_range: { start: string; end: string };
    totals: { group: Group; values: CalculationValues }[];
    series: { group: Group; points: { time: string; values: CalculationValues }[] }[];
  };
}

/**
 * The body of `POST /api/bubbleup`: which spans to compare. The base is the query's dataset
 * (`spans`), time range and filters; the selection is the base's spans that also fall in
 * `selection` (a time sub-range and/or a value range on one numeric column, as a HEATMAP cell
 * or brushed region gives); the baseline is the base's other spans.
 */
export interface BubbleUpRequest {
  dataset: "spans";
  time_range: TimeRange;
  filters?: Filter[] | FilterGroup;
  selection: {
    /** ISO-8601 bounds, start inclusive, end exclusive; default the whole range. */
    time?: { start: string; end: string };
    /** `min <= column <= max` (either bound may be left out); e.g. `duration_ms`. */
    value?: { column: string; min?: number; max?: number };
  };
  /** Most attributes/columns compared, 1..100, the most populated first; default 30. */
  max_columns?: number;
  /** Top values listed per column, 1..50; default 10. */
  max_values?: number;
}

/** One value of a column in a BubbleUp comparison. */
export interface BubbleUpValue {
  /** The value as text (numbers without a trailing `.0`); null: the span lacks the attribute. */
  value: string | null;
  /** Fraction of the selection's spans with this value, 0..1. */
  selection: number;
  /** Fraction of the baseline's spans with this value, 0..1. */
  baseline: number;
}

/** One column's comparison. */
export interface BubbleUpColumn {
  column: string;
  /**
   * The largest |selection − baseline| over the column's values (null, "absent", included):
   * 0 when distributed alike, 1 when disjoint. Columns are ranked by it, descending.
   */
  score: number;
  /** Values by |selection − baseline| descending (ties: larger selection first), at most `max_values`. */
  values: BubbleUpValue[];
}

/** The answer to `POST /api/bubbleup`. */
export interface BubbleUpResult {
  /** Spans in the selection and in the baseline. */
  selection_count: number;
  baseline_count: number;
  /** Compared columns, ranked by score descending (ties by name). */
  columns: BubbleUpColumn[];
  /**
   * Fraction of the spans the comparison read: DuckDB `system` sampling of about 50,000 base
   * spans (blocks of ~2,048 consecutive spans), with a sparse selection read separately and
   * thinned by span id. `selection_count` and `baseline_count` are always exact; the per-value
   * fractions are estimates when this is below 1 (a fraction's standard error is about
   * √(f(1−f)/sampled spans)). 1: exact.
   */
  sample_rate: number;
}

/**
 * The body of `POST /api/exemplar`: "click a point → open a trace". Among spans of the time
 * range that pass `filters` and belong to `group` (breakdown name → value, null: attribute
 * absent), the one with the largest `column` value at or below `at_most` (no bound when
 * absent); its trace is the exemplar.
 */
export interface ExemplarRequest {
  dataset: "spans";
  /** Typically one time bucket of a series. */
  time_range: TimeRange;
  filters?: Filter[] | FilterGroup;
  group?: Group;
  /** Numeric column, default `duration_ms`. */
  column?: string;
  at_most?: number;
}

/** The answer to `POST /api/exemplar`; `exemplar` is null when no span qualifies. */
export interface ExemplarResult {
  exemplar: {
    trace_id: string;
    span_id: string;
    /** The span's value of the requested column. */
    value: number;
    /** Start of the span, ISO-8601. */
    timestamp: string;
  } | null;
}

/**
 * The body of `POST /api/traces/search`. A trace matches when at least one of its spans in the
 * time range passes `filters` (service, name, duration_ms, status_code, attributes, …: the
 * query model's filters, so several conditions hold on one span), and its whole duration is
 * within `trace_duration_ms`. Filtering happens before sorting and `limit`, over the whole
 * range.
 */
export interface TraceSearchRequest {
  time_range: TimeRange;
  filters?: Filter[] | FilterGroup;
  /** Bounds on the trace's duration (last end − first start) in ms, inclusive. */
  trace_duration_ms?: { min?: number; max?: number };
  /** Default `{ by: "start", direction: "desc" }` (newest first). */
  sort?: { by: "duration" | "start" | "spans" | "errors"; direction?: "asc" | "desc" };
  /** 1..1000, default 20. */
  limit?: number;
}

/** One trace found by a search, summarised over its spans in the time range. */
export interface TraceSummary {
  trace_id: string;
  /** The root span's (no parent; else the earliest span's) name and `service.name`. */
  root_name: string;
  root_service: string;
  /** Earliest span start, ISO-8601. */
  start: string;
  /** Latest span end − earliest span start, ms. */
  duration_ms: number;
  span_count: number;
  /** Spans with `status_code` `error`. */
  error_count: number;
  /** Distinct `service.name`s, sorted. */
  services: string[];
}

/** The answer to `POST /api/traces/search`. */
export interface TraceSearchResult {
  traces: TraceSummary[];
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

type FixedColumn = { name: string; type: "string" | "number" | "timestamp" };

/** Columns every signal dataset (`events`, `logs`, `errors`) has first. */
const SIGNAL_COMMON: readonly FixedColumn[] = [
  { name: "timestamp", type: "timestamp" },
  { name: "service.name", type: "string" },
  /** 32 hex digits, `""` when recorded outside a span. */
  { name: "trace_id", type: "string" },
  /** 16 hex digits, `""` when recorded outside a span. */
  { name: "span_id", type: "string" },
];

/**
 * The fixed columns of each query dataset, in display order; attributes come after.
 * - events: `name` (path-style, `/demo/billing/config_changed`), `severity` (debug info
 *   notice warn error critical), `owner` (declared team, `""` when none), `description`;
 * - logs: `severity_number` (OTLP SeverityNumber 1–24: TRACE 1, DEBUG 5, INFO 9, WARN 13,
 *   ERROR 17, FATAL 21), `severity_text`, `body` (the message), `logger` (the logger's name);
 * - errors: `type` (class name or code), `message`, `template` (the message with variable
 *   parts replaced), `fingerprint` (16 hex digits, one per bug), `owner`, `stack`, `source`
 *   (`uncaught_exception`, `unhandled_rejection`, `span`, `reported`, `problem`).
 */
export const DATASET_COLUMNS: Record<QueryDataset, readonly FixedColumn[]> = {
  spans: SPAN_COLUMNS,
  events: [
    ...SIGNAL_COMMON,
    { name: "name", type: "string" },
    { name: "severity", type: "string" },
    { name: "owner", type: "string" },
    { name: "description", type: "string" },
  ],
  logs: [
    ...SIGNAL_COMMON,
    { name: "severity_number", type: "number" },
    { name: "severity_text", type: "string" },
    { name: "body", type: "string" },
    { name: "logger", type: "string" },
  ],
  errors: [
    ...SIGNAL_COMMON,
    { name: "type", type: "string" },
    { name: "message", type: "string" },
    { name: "template", type: "string" },
    { name: "fingerprint", type: "string" },
    { name: "owner", type: "string" },
    { name: "stack", type: "string" },
    { name: "source", type: "string" },
  ],
};

/**
 * One error group of `GET /api/errors/groups?last=&service=&owner=`: the error reports of one
 * fingerprint in the range (`last`: a duration such as `1h`, default `1h`; `service`, `owner`:
 * exact matches, default all).
 */
export interface ErrorGroup {
  /** 16 hex digits, the same bug's reports share it. */
  fingerprint: string;
  /** Of the latest report. */
  type: string;
  template: string;
  /** The latest report's message, e.g. `order 1234 not found`. */
  message: string;
  /** The latest report's owner, `""` when unknown. */
  owner: string;
  /** Services that reported it, sorted. */
  services: string[];
  /** Reports in the range. */
  count: number;
  /** Earliest and latest report in the range, ISO-8601. */
  first_seen: string;
  last_seen: string;
  /** Reports per time bucket over the whole range, oldest first (see {@link ErrorGroupsResult}). */
  series: number[];
  /** Up to 5 trace ids of the most recent reports made inside a trace, newest first. */
  example_traces: string[];
}

/** The answer to `GET /api/errors/groups`: groups by count descending (ties: latest first). */
export interface ErrorGroupsResult {
  time_range: { start: string; end: string };
  /** Width of a `series` bucket in seconds; buckets start at `time_range.start`. */
  bucket_s: number;
  groups: ErrorGroup[];
}

/** One stored error report. */
export interface ErrorOccurrence {
  /** ISO-8601. */
  timestamp: string;
  "service.name": string;
  type: string;
  message: string;
  template: string;
  fingerprint: string;
  owner: string;
  stack: string;
  source: string;
  /** `""` outside a trace. */
  trace_id: string;
  span_id: string;
  /** Every attribute (strings, numbers, booleans). */
  attributes: Record<string, Scalar>;
}

/**
 * The answer to `GET /api/errors/groups/{fingerprint}?limit=`: its latest reports (newest first,
 * `limit` 1..200, default 20), whatever their time; `occurrences` is empty for an unknown one.
 */
export interface ErrorGroupDetail {
  fingerprint: string;
  occurrences: ErrorOccurrence[];
}

/** One stored event. */
export interface EventEntry {
  /** ISO-8601. */
  timestamp: string;
  name: string;
  severity: string;
  "service.name": string;
  owner: string;
  description: string;
  /** `""` outside a trace. */
  trace_id: string;
  span_id: string;
  /** The event's fields and the resource's attributes. */
  fields: Record<string, Scalar>;
}

/**
 * The answer to `GET /api/events?last=&start=&end=&service=&q=&limit=`: the newest events of the
 * range first. `last` a duration (default `1h`) or `start` and `end` ISO-8601; `service` a
 * comma-separated list of exact names; `q` matches case-insensitively a substring of the name,
 * the owner, the description or any field value; `limit` 1..1000, default 200.
 */
export interface EventsResult {
  events: EventEntry[];
}

/** One log line of a trace. */
export interface TraceLogLine {
  /** ISO-8601. */
  timestamp: string;
  "service.name": string;
  span_id: string;
  severity_number: number;
  severity_text: string;
  body: string;
  logger: string;
  attributes: Record<string, Scalar>;
}

/**
 * The answer to `GET /api/traces/{trace_id}/logs`: the trace's log lines and error reports,
 * each oldest first, with the span they were recorded in.
 */
export interface TraceLogsResult {
  trace_id: string;
  logs: TraceLogLine[];
  errors: ErrorOccurrence[];
}

/** The answer to `GET /api/columns?dataset=` (default `spans`). */
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
