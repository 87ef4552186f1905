/** The type of a tag's values: `"string"`, `"int"` (a safe integer) or `"bool"`. */
export type TagType = "string" | "int" | "bool";

/** A metric's declared tags: tag name (short_snake_case) → value type. */
export type TagSchema = Readonly<Record<string, TagType>>;

/** The TypeScript type of values for a {@link TagType}. */
export type TagValue<T extends TagType> = T extends "string"
  ? string
  : T extends "int"
    ? number
    : boolean;

/** A full set of tag values for schema `S`: every declared tag, no others. */
export type TagValues<S extends TagSchema> = { readonly [K in keyof S]: TagValue<S[K]> };

/**
 * The tag argument of `add`/`record`/`bind`: required when `S` declares tags; when it declares
 * none, optional and empty.
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

/** Metadata every metric declares. */
export interface MetricOptions<S extends TagSchema> {
  /** What is measured, one sentence. */
  description: string;
  /** UCUM unit, e.g. `"ms"`, `"By"`, `"1"` for counts. */
  unit: string;
  /** Tag name (`[a-z][a-z0-9_]*`) → value type. Default: no tags. */
  tags?: S;
  /** Team or person to ask about the metric. Default `""`. */
  owner?: string;
  /** Default `"experimental"`. */
  stability?: Stability;
}

/** Options for a distribution. */
export interface DistributionOptions<S extends TagSchema> extends MetricOptions<S> {
  /**
   * Explicit bucket upper bounds, finite and strictly increasing; a value `v` falls in the
   * first bucket with `v <= bound`, or the overflow bucket. Default
   * {@link DEFAULT_BUCKETS} (OpenTelemetry's default explicit bounds).
   */
  buckets?: readonly number[];
}

/** The kinds of metric available now. */
export type MetricKind = "counter" | "distribution";

/** A validated metric declaration with defaults applied, as the SDK receives it. */
export interface MetricDeclaration {
  readonly kind: MetricKind;
  /** Path-style name, e.g. `/net/http/server/request_count`. */
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly owner: string;
  readonly stability: Stability;
  readonly tags: TagSchema;
  /** Bucket upper bounds for distributions; `[]` for counters. */
  readonly buckets: readonly number[];
}

/** A counter's handle for one tag set: `add` only adds to a number (no lookup). */
export interface BoundCounter {
  /** Adds `n` (a non-negative safe integer); other values are dropped and counted. */
  add(n: number): void;
}

/**
 * A monotonic integer count, e.g. requests served. Never throws: a negative or non-integer
 * increment, or tags that do not match the schema, are dropped and reported through `diag`
 * (`invalid_counter_increment`, `invalid_tags`).
 */
export interface Counter<S extends TagSchema = NoTags> {
  readonly declaration: MetricDeclaration;
  /** Adds `n` (a non-negative safe integer) to the series for `tags`. */
  add(n: number, ...tags: TagArgs<S>): void;
  /** Resolves `tags` once; the handle's `add` skips tag validation and series lookup. */
  bind(...tags: TagArgs<S>): BoundCounter;
}

/** A distribution's handle for one tag set. */
export interface BoundDistribution {
  /** Records a finite value; `NaN` and infinities are dropped and counted. */
  record(value: number): void;
}

/**
 * A distribution of values (latencies, sizes) in explicit buckets, with count, sum, min and
 * max. Never throws: non-finite values and mismatched tags are dropped and reported through
 * `diag` (`invalid_distribution_value`, `invalid_tags`).
 */
export interface Distribution<S extends TagSchema = NoTags> {
  readonly declaration: MetricDeclaration;
  /** Records `value` (in the declared unit) in the series for `tags`. */
  record(value: number, ...tags: TagArgs<S>): void;
  /** Resolves `tags` once; the handle's `record` skips tag validation and series lookup. */
  bind(...tags: TagArgs<S>): BoundDistribution;
}

/** What an SDK implements for a counter; `tags` are unvalidated caller input. */
export interface CounterImplementation {
  add(n: number, tags: TagSet | undefined): void;
  bind(tags: TagSet | undefined): BoundCounter;
}

/** What an SDK implements for a distribution; `tags` are unvalidated caller input. */
export interface DistributionImplementation {
  record(value: number, tags: TagSet | undefined): void;
  bind(tags: TagSet | undefined): BoundDistribution;
}

/** What an SDK implements for metrics: one instrument per declaration (same name → same). */
export interface MetricsImplementation {
  counter(declaration: MetricDeclaration): CounterImplementation;
  distribution(declaration: MetricDeclaration): DistributionImplementation;
}
