/** Metric kinds (DESIGN.md "Metric model"). */
export type MetricKind = "constant" | "gauge" | "counter" | "distribution";
/** Metric value types; enums are strings. */
export type MetricValueType = "int" | "double" | "string" | "bool";

export const METRIC_KINDS: readonly MetricKind[] = ["constant", "gauge", "counter", "distribution"];
export const METRIC_VALUE_TYPES: readonly MetricValueType[] = ["int", "double", "string", "bool"];

/**
 * One series to define: a metric's metadata, the identity of the process (or of whatever a
 * proxy speaks for) and the series' tags. `name` + `identity` + `tags` is the series key; the
 * rest is metadata that a redefinition replaces. `startTimeUnixNano` is when the series (its
 * process) started counting: a later definition with another start time means a restart, and
 * the series' next sample starts a new run (a counter reset).
 */
export interface SeriesDescriptor {
  /** Path-style metric name, e.g. `/net/http/server/request_count`. */
  name: string;
  kind: MetricKind;
  valueType: MetricValueType;
  description: string;
  /** UCUM unit, e.g. `ms`, `By`, `1`. */
  unit: string;
  owner: string;
  /** `stable`, `experimental` or `deprecated` (not checked). */
  stability: string;
  /** The declaring source file, `""` when unknown. */
  sourceFile: string;
  /** The declaring line, 0 when unknown. */
  sourceLine: number;
  /** Identity labels, e.g. `{ "service.name": "billing", "host.name": "h1" }`. */
  identity: Record<string, string>;
  tags: Record<string, string | number | boolean>;
  /** Distribution bucket upper bounds, ascending ([] otherwise; the +Inf bucket is implied). */
  bounds: number[];
  /** Nanoseconds since the UNIX epoch; 0 when unknown. */
  startTimeUnixNano: bigint;
}

/**
 * One sample of a defined series. Exactly one of `value`, `delta` and `distribution` is set:
 * `value` is absolute (a counter's cumulative count since its start, a gauge's or constant's
 * current value); `delta` is a counter's increase since the series' previous sample;
 * `distribution` carries count, sum, min, max and per-bucket counts (`bounds.length + 1` of
 * them), cumulative since the start or, with `delta: true`, since the previous sample.
 */
export interface MetricSample {
  /** A series id from `defineSeries`. */
  series: number;
  timeUnixNano: bigint;
  /** Set when the series (re)started at this sample: a new start time is a counter reset. */
  startTimeUnixNano?: bigint;
  value?: number | bigint | string | boolean;
  delta?: number | bigint;
  distribution?: {
    count: number;
    sum: number;
    /** NaN when unknown. */
    min: number;
    /** NaN when unknown. */
    max: number;
    bucketCounts: number[];
    delta: boolean;
  };
}

const sorted = <T>(o: Record<string, T>): [string, T][] =>
  Object.keys(o)
    .sort()
    .map((k) => [k, o[k]]);

/**
 * The series key: name, identity and typed tags, order-independent (`{a, b}` = `{b, a}`) and
 * type-sensitive (tag `1` ≠ tag `"1"`). Throws nothing.
 */
export function seriesKey(d: SeriesDescriptor): string {
  return JSON.stringify([d.name, sorted(d.identity), sorted(d.tags)]);
}

/** The metadata a redefinition may change, as comparable text. Throws nothing. */
export function seriesMetadata(d: SeriesDescriptor): string {
  return JSON.stringify([
    d.kind,
    d.valueType,
    d.description,
    d.unit,
    d.owner,
    d.stability,
    d.sourceFile,
    d.sourceLine,
    d.bounds,
    String(d.startTimeUnixNano),
  ]);
}

/**
 * Checks a descriptor before it is stored. Returns an error message naming the field, or
 * undefined when it is valid.
 */
export function descriptorError(d: SeriesDescriptor): string | undefined {
  if (typeof d.name !== "string" || d.name === "") return "name: must be a non-empty string";
  if (!METRIC_KINDS.includes(d.kind)) return `kind: must be one of ${METRIC_KINDS.join(" ")}`;
  if (!METRIC_VALUE_TYPES.includes(d.valueType)) {
    return `valueType: must be one of ${METRIC_VALUE_TYPES.join(" ")}`;
  }
  if (!Array.isArray(d.bounds) || d.bounds.some((b, i) => !(b > (d.bounds[i - 1] ?? -Infinity)))) {
    return "bounds: must be ascending numbers";
  }
  if (d.bounds.length > 65_534) return "bounds: at most 65534";
  if (typeof d.startTimeUnixNano !== "bigint") return "startTimeUnixNano: must be a bigint";
  return undefined;
}
