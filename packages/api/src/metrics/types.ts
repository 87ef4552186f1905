/** The type of a tag's values: `"string"`, `"int"` (a safe integer) or `"bool"`. No floats. */
export type TagType = "string" | "int" | "bool";

/**
 * A TypeScript `enum` object (or any name → value record). Its members are accepted as values
 * and reported by their names (`enum Mode { OPT_FOO = 1 }` reports `"OPT_FOO"`, not `1`).
 */
export type EnumLike = Readonly<Record<string, string | number>>;

/** The values a tag or string gauge may take: a list, or an {@link EnumLike} object. */
export type AllowedValues = readonly (string | number)[] | EnumLike;

/**
 * A tag declared with its allowed values, e.g. `{ type: "string", values: ["GET", "POST"] }`.
 * In a validated declaration, `values` is always a list of the values as reported (enum
 * members' names) and, for an enum, `inputs[i]` is the member value reported as `values[i]`.
 */
export interface TagSpec {
  readonly type: TagType;
  readonly values?: AllowedValues;
  readonly inputs?: readonly (string | number)[];
}

/** A metric's declared tags: tag name (`[a-z][a-z0-9_]*`) → type, or type with allowed values. */
export type TagSchema = Readonly<Record<string, TagType | TagSpec>>;

/** The TypeScript type of values for a {@link TagType}. */
export type TagValue<T extends TagType> = T extends "string"
  ? string
  : T extends "int"
    ? number
    : boolean;

/** The values accepted by an {@link AllowedValues}: list elements, or enum member values. */
export type AllowedValue<A> = A extends readonly (infer V)[]
  ? V
  : A extends EnumLike
    ? A[keyof A]
    : never;

/** The TypeScript type of one declared tag's values. */
export type TagValueOf<D> = D extends TagType
  ? TagValue<D>
  : D extends { readonly values: infer A }
    ? AllowedValue<A>
    : D extends { readonly type: infer T extends TagType }
      ? TagValue<T>
      : never;

/** A full set of tag values for schema `S`: every declared tag, no others. */
export type TagValues<S extends TagSchema> = { readonly [K in keyof S]: TagValueOf<S[K]> };

/**
 * The tag argument of `add`/`set`/`record`/`bind`: required when `S` declares tags; when it
 * declares none, optional and empty.
 */
export type TagArgs<S extends TagSchema> = [keyof S] extends [never]
  ? [tags?: Record<string, never>]
  : [tags: TagValues<S>];

/** Untyped tag values, as the SDK receives them. */
export type TagSet = Readonly<Record<string, string | number | boolean>>;

/** How settled a metric is; consumers may rely on `stable` names and tags not changing. */
export type Stability = "stable" | "experimental" | "deprecated";

/** The schema type used when a metric declares no tags. */
export type NoTags = Record<never, never>;

/**
 * The kinds of metric (seed "SRE School: Instrumentation"): a `constant` never changes, a
 * `gauge` varies freely, a `counter` only increases, a `distribution` buckets many values.
 */
export type MetricKind = "constant" | "gauge" | "counter" | "distribution";

/**
 * Value types: `int` has int64 semantics (exact: reported as `bigint`, never rounded),
 * `double` is an IEEE-754 float, `string` text (enums report their names), `bool` a boolean.
 */
export type ValueType = "int" | "double" | "string" | "bool";

/** Where a metric was declared: the calling file, and 1-based line and column. */
export interface SourceLocation {
  /** A file system path (from a `file://` URL) or whatever the stack frame named. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Metadata every metric declares. */
export interface MetricOptions<S extends TagSchema> {
  /** What is measured, one sentence. */
  description: string;
  /** UCUM unit (https://ucum.org/ucum), e.g. `"ms"`, `"s"`, `"By"`, `"1"` for counts. */
  unit: string;
  /** Tag name (`[a-z][a-z0-9_]*`) → type, or `{ type, values }`. Default: no tags. */
  tags?: S;
  /** Team or person to ask about the metric. Default `""`. */
  owner?: string;
  /** Default `"experimental"`. */
  stability?: Stability;
  /**
   * Series (distinct tag sets) kept at most; beyond it, samples go to one overflow series.
   * Default: the SDK's `maxSeriesPerMetric` (2000).
   */
  maxSeries?: number;
}

/** Options for a gauge: its value type and, for strings, the allowed values (an enum). */
export interface GaugeOptions<
  S extends TagSchema,
  T extends ValueType,
  A extends AllowedValues = never,
> extends MetricOptions<S> {
  /** Default `"double"`. */
  valueType?: T;
  /** `valueType: "string"` only: the allowed values, or an enum reported by member names. */
  values?: A;
}

/** Options for a constant: metadata and the value, fixed for the life of the process. */
export interface ConstantOptions<V extends ConstantValue> {
  /** What the value is, one sentence. */
  description: string;
  /** UCUM unit, e.g. `"s"`, or `"1"` for text. */
  unit: string;
  owner?: string;
  stability?: Stability;
  /** The value. Strings longer than {@link MAX_STRING_VALUE_LENGTH} are truncated (reported). */
  value: V;
  /**
   * Default: from the value; `bigint` and integral numbers → `"int"`, other numbers →
   * `"double"`, strings → `"string"`, booleans → `"bool"`.
   */
  valueType?: ValueType;
}

/** A constant's value: `bigint`/integral number for `int`, `number`, `string` or `boolean`. */
export type ConstantValue = bigint | number | string | boolean;

/**
 * How a distribution sorts values into buckets.
 *
 * - `explicit`: finite, strictly increasing inclusive upper `bounds` (the seed's
 *   `[2, 3, 5, 8, 13]`); value `v` lands in the first bucket with `v <= bound`, or in the
 *   last bucket (+Inf).
 * - `exponential`: base-2 exponential buckets as in OTLP's `ExponentialHistogramDataPoint`
 *   (opentelemetry-proto metrics/v1, and the OpenTelemetry metrics SDK specification, "Base2
 *   Exponential Bucket Histogram Aggregation"): bucket `i` holds `(base^i, base^(i+1)]` with
 *   `base = 2^(2^-scale)`. A series starts at `maxScale` (default 20, at most 20) and halves
 *   its resolution (scale − 1) whenever the positive or the negative range would need more
 *   than `maxSize` buckets (default 160, at least 2).
 * - `function`: `upperBound(v)` returns the inclusive upper bound of `v`'s bucket (≥ `v`, or
 *   `Infinity`), e.g. `(v) => 10 * Math.ceil(v / 10)`; it must be monotonic. A series keeps at
 *   most `maxBuckets` (default 160) distinct bounds; values of further buckets are counted in
 *   the next higher existing bucket (reported once). A throwing or invalid answer drops the
 *   sample (counted).
 */
export type BucketerOptions =
  | { readonly type: "explicit"; readonly bounds: readonly number[] }
  | { readonly type: "exponential"; readonly maxScale?: number; readonly maxSize?: number }
  | {
      readonly type: "function";
      readonly upperBound: (value: number) => number;
      readonly maxBuckets?: number;
    };

/** A validated bucketer with defaults applied (see {@link BucketerOptions}). */
export type Bucketer =
  | { readonly type: "explicit"; readonly bounds: readonly number[] }
  | { readonly type: "exponential"; readonly maxScale: number; readonly maxSize: number }
  | {
      readonly type: "function";
      readonly upperBound: (value: number) => number;
      readonly maxBuckets: number;
    };

/** Options for a distribution. */
export interface DistributionOptions<S extends TagSchema> extends MetricOptions<S> {
  /** How values are bucketed. Default: `buckets` if given, else {@link DEFAULT_BUCKETS}. */
  bucketer?: BucketerOptions;
  /** Shorthand for `bucketer: { type: "explicit", bounds: buckets }`. */
  buckets?: readonly number[];
}

/**
 * A validated metric declaration with defaults applied, as the SDK and every reader receive
 * it. Frozen; changing the caller's option objects later does not alter it.
 */
export interface MetricDeclaration {
  readonly kind: MetricKind;
  /** `counter`: `"int"`; `distribution`: `"double"`; gauges and constants as declared. */
  readonly valueType: ValueType;
  /** Path-style name, `/` then segments `[a-z0-9_]+` joined by `/`, e.g. `/net/http/server/request_count`. */
  readonly name: string;
  readonly description: string;
  /** UCUM unit. */
  readonly unit: string;
  /** `""` when not declared. */
  readonly owner: string;
  readonly stability: Stability;
  /** Tag name → type, or `{ type, values, inputs? }` (see {@link TagSpec}). */
  readonly tags: TagSchema;
  /** Where the declaring call is, when the runtime's stack traces tell (V8, Node). */
  readonly source?: SourceLocation;
  /** Distributions only. */
  readonly bucketer?: Bucketer;
  /** String gauges with allowed values only: the values as reported (enum members' names). */
  readonly values?: readonly string[];
  /** Enum-typed string gauges only: `inputs[i]` is the member value reported as `values[i]`. */
  readonly inputs?: readonly (string | number)[];
  /** Constants only: the value (`bigint` for `"int"`). */
  readonly value?: ConstantValue;
  /** The declared series limit, when the metric set one. */
  readonly maxSeries?: number;
}

/** A counter's handle for one tag set: `add` only adds to a number (no lookup, no allocation). */
export interface BoundCounter {
  /** Adds `n` (a non-negative integer, `number` or `bigint`); other values are dropped, counted. */
  add(n: number | bigint): void;
}

/**
 * A monotonic int64 count, e.g. requests served, exact beyond 2^53. Never throws: a negative
 * or non-integer increment, or tags that do not match the schema, are dropped, counted under
 * `/sonde/sdk/metrics/dropped_samples` and reported through `diag`.
 */
export interface Counter<S extends TagSchema = NoTags> {
  readonly declaration: MetricDeclaration;
  /** Adds `n` (a non-negative integer) to the series for `tags`. */
  add(n: number | bigint, ...tags: TagArgs<S>): void;
  /** Resolves `tags` once; the handle's `add` skips tag validation and series lookup. */
  bind(...tags: TagArgs<S>): BoundCounter;
}

/** What `set` accepts for a gauge of value type `T` with allowed values `A`. */
export type GaugeValue<T extends ValueType, A> = T extends "int"
  ? number | bigint
  : T extends "double"
    ? number
    : T extends "string"
      ? [A] extends [never]
        ? string
        : AllowedValue<A>
      : boolean;

/** What `add` accepts for a gauge of value type `T`: numeric gauges only. */
export type GaugeDelta<T extends ValueType> = T extends "int"
  ? number | bigint
  : T extends "double"
    ? number
    : never;

/** A gauge's handle for one tag set (no lookup, no allocation per call). */
export interface BoundGauge<V, D> {
  /** Sets the value; invalid values are dropped (counted), out-of-range ints clamped. */
  set(value: V): void;
  /** Adds `delta` (numeric gauges; the value starts at 0). */
  add(delta: D): void;
}

/**
 * A value that varies freely: a number (thread count, queue length), a string (a config
 * setting; with `values`, an enum) or a boolean. Never throws: invalid values (`NaN`,
 * infinities, wrong types, values outside `values`) and mismatched tags are dropped, counted
 * and reported; ints beyond int64 are clamped and strings longer than
 * {@link MAX_STRING_VALUE_LENGTH} truncated (counted under `/sonde/sdk/metrics/clamped_samples`).
 */
export interface Gauge<
  S extends TagSchema = NoTags,
  T extends ValueType = "double",
  A extends AllowedValues = never,
> {
  readonly declaration: MetricDeclaration;
  set(value: GaugeValue<T, A>, ...tags: TagArgs<S>): void;
  /** Adds `delta` to a numeric gauge (e.g. +1/−1 for requests in flight). */
  add(delta: GaugeDelta<T>, ...tags: TagArgs<S>): void;
  bind(...tags: TagArgs<S>): BoundGauge<GaugeValue<T, A>, GaugeDelta<T>>;
}

/** A value fixed for the life of the process (build revision, start time). */
export interface Constant<V extends ConstantValue = ConstantValue> {
  readonly declaration: MetricDeclaration;
  readonly value: V;
}

/** A distribution's handle for one tag set (no lookup, no allocation per call). */
export interface BoundDistribution {
  /** Records a finite value; `NaN`, infinities and non-numbers are dropped and counted. */
  record(value: number): void;
}

/**
 * A distribution of values (latencies, sizes) in buckets, with count, sum, min, max and, per
 * bucket, an exemplar from the active sampled span. Never throws: non-finite values and
 * mismatched tags are dropped, counted and reported.
 */
export interface Distribution<S extends TagSchema = NoTags> {
  readonly declaration: MetricDeclaration;
  /** Records `value` (in the declared unit) in the series for `tags`. */
  record(value: number, ...tags: TagArgs<S>): void;
  /** Resolves `tags` once; the handle's `record` skips tag validation and series lookup. */
  bind(...tags: TagArgs<S>): BoundDistribution;
}

/** What an SDK implements for a counter; arguments are unvalidated caller input. */
export interface CounterImplementation {
  add(n: number | bigint, tags: TagSet | undefined): void;
  bind(tags: TagSet | undefined): BoundCounter;
}

/** What an SDK implements for a gauge; arguments are unvalidated caller input. */
export interface GaugeImplementation {
  set(value: unknown, tags: TagSet | undefined): void;
  add(delta: unknown, tags: TagSet | undefined): void;
  bind(tags: TagSet | undefined): BoundGauge<unknown, unknown>;
}

/** What an SDK implements for a distribution; arguments are unvalidated caller input. */
export interface DistributionImplementation {
  record(value: number, tags: TagSet | undefined): void;
  bind(tags: TagSet | undefined): BoundDistribution;
}

/**
 * What an SDK implements for metrics: one instrument per declaration (same name → same).
 * Constants need no instrument: an SDK reads them, like every declaration, from
 * `metrics.declarations()`.
 */
export interface MetricsImplementation {
  counter(declaration: MetricDeclaration): CounterImplementation;
  gauge(declaration: MetricDeclaration): GaugeImplementation;
  distribution(declaration: MetricDeclaration): DistributionImplementation;
}
