/**
 * Sonde's in-memory records for telemetry crossing a wire: what the SDK exports and what the
 * collector stores. Field names follow the OpenTelemetry data model (trace/v1, metrics/v1);
 * times are integer nanoseconds since the UNIX epoch as `bigint` (no float rounding).
 */

/** An attribute value: OTLP `AnyValue` restricted to what Sonde stores and queries. */
export type AttrValue = string | number | boolean | bigint | AttrValue[] | null;

/** Attributes by name, e.g. `{ "http.request.method": "GET" }`. */
export type Attributes = Record<string, AttrValue>;

/** Span kinds, lower-case as in Sonde's query model (OTLP `SPAN_KIND_*`). */
export type SpanKind = "internal" | "server" | "client" | "producer" | "consumer";

/** Span status codes, lower-case as in Sonde's query model (OTLP `STATUS_CODE_*`). */
export type StatusCode = "unset" | "ok" | "error";

/** A timed event inside a span (OTLP `Span.Event`). */
export interface SpanEventRecord {
  name: string;
  timeUnixNano: bigint;
  attributes: Attributes;
}

/** A reference from one span to another (OTLP `Span.Link`; OpenTracing follows-from). */
export interface SpanLinkRecord {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/**
 * One finished span. Ids are lower-case hex: `traceId` 32 chars, `spanId` 16 chars,
 * `parentSpanId` 16 chars or `""` for a root span.
 */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  name: string;
  kind: SpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  statusCode: StatusCode;
  statusMessage: string;
  attributes: Attributes;
  events: SpanEventRecord[];
  links: SpanLinkRecord[];
}

/** The entity that produced telemetry (OTLP `Resource`), e.g. `{ "service.name": "billing" }`. */
export interface ResourceRecord {
  attributes: Attributes;
}

/** Spans of one resource and one instrumentation scope (OTLP `ResourceSpans` flattened). */
export interface ResourceSpansRecord {
  resource: ResourceRecord;
  scope: { name: string; version: string };
  spans: SpanRecord[];
}

/** Metric point kinds as stored by Sonde. */
export type MetricPointKind = "gauge" | "sum" | "histogram" | "exponential_histogram" | "summary";

/**
 * One metric data point, flattened with its metric's metadata. Histogram points carry
 * `bucketCounts` with `explicitBounds` (upper bounds; `bucketCounts.length = bounds + 1`).
 */
export interface MetricPointRecord {
  resource: Attributes;
  scope: string;
  name: string;
  description: string;
  unit: string;
  /**
   * Metric metadata (OTLP `Metric.metadata`): Sonde sends `sonde.owner`, `sonde.stability` and the
   * declaration's source location as `code.file.path`, `code.line.number`, `code.column.number`.
   */
  metadata: Attributes;
  kind: MetricPointKind;
  /** For sums: true when monotonic (a counter). */
  monotonic: boolean;
  /** `cumulative` or `delta` for sums and histograms; `""` for gauges. */
  temporality: "cumulative" | "delta" | "";
  attributes: Attributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  /**
   * The value of a gauge or sum point (a bigint for an int64 beyond 2^53, kept exact); the sum
   * of a histogram point.
   */
  value: number | bigint | null;
  count: number | null;
  min: number | null;
  max: number | null;
  explicitBounds: number[];
  bucketCounts: number[];
  /** Sample measurements with the span they were recorded in (OTLP `Exemplar`). */
  exemplars: ExemplarRecord[];
  /**
   * An `exponential_histogram` point's buckets in OTLP form (metrics/v1
   * `ExponentialHistogramDataPoint`): bucket `offset + i` holds magnitudes in
   * `(base^(offset+i), base^(offset+i+1)]`, `base = 2^(2^-scale)`. Sent natively when present;
   * decoded points carry the same buckets as `explicitBounds`/`bucketCounts` instead.
   */
  exponential?: ExponentialBuckets;
}

/** Buckets of an OTLP exponential histogram point. */
export interface ExponentialBuckets {
  scale: number;
  zeroCount: number;
  positive: { offset: number; bucketCounts: number[] };
  negative: { offset: number; bucketCounts: number[] };
}

/** A measurement kept as an example of a point, tied to the active span (OTLP `Exemplar`). */
export interface ExemplarRecord {
  value: number;
  timeUnixNano: bigint;
  /** 32 hex chars, or `""` when recorded outside a span. */
  traceId: string;
  /** 16 hex chars, or `""`. */
  spanId: string;
}
