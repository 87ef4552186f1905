import type { Bucketer } from "./types.js";

/**
 * OpenTelemetry's default explicit bucket bounds, used by distributions that declare none
 * (OpenTelemetry metrics SDK specification, "Explicit Bucket Histogram Aggregation").
 */
export const DEFAULT_BUCKETS: readonly number[] = Object.freeze([
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
]);

/** The finest and coarsest scales of OTLP exponential histograms (metrics/v1). */
export const MAX_EXPONENTIAL_SCALE = 20;
export const MIN_EXPONENTIAL_SCALE = -10;

/** Defaults of the exponential and function bucketers (OpenTelemetry's: 160 buckets). */
export const DEFAULT_MAX_BUCKETS = 160;

/** What a caller may pass, before validation. */
interface BucketerInput {
  bucketer?: unknown;
  buckets?: unknown;
}

function integerIn(value: unknown, fallback: number, min: number, max: number): number | string {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) {
    return value as number;
  }
  return `must be an integer from ${min} to ${max}`;
}

function explicit(bounds: unknown): Bucketer | string {
  if (!Array.isArray(bounds)) return "buckets must be an array of numbers";
  for (let i = 0; i < bounds.length; i++) {
    const bound = bounds[i];
    if (typeof bound !== "number" || !Number.isFinite(bound)) return "buckets must be finite";
    if (i > 0 && bound <= bounds[i - 1]) return "buckets must be strictly increasing";
  }
  // -0 and 0 are the same bound.
  return Object.freeze({
    type: "explicit",
    bounds: Object.freeze(bounds.map((bound: number) => bound + 0)),
  });
}

/**
 * @internal Validates a distribution's `bucketer` (or `buckets` shorthand) and applies
 * defaults: explicit {@link DEFAULT_BUCKETS} when neither is given. Returns the frozen
 * bucketer or the problem.
 */
export function normalizeBucketer(input: BucketerInput): Bucketer | string {
  const { bucketer, buckets } = input;
  if (bucketer === undefined) return explicit(buckets ?? DEFAULT_BUCKETS);
  if (buckets !== undefined) return "give either bucketer or buckets, not both";
  if (typeof bucketer !== "object" || bucketer === null) return "bucketer must be an object";
  const options = bucketer as Record<string, unknown>;
  if (options.type === "explicit") return explicit(options.bounds);
  if (options.type === "exponential") {
    const maxScale = integerIn(
      options.maxScale,
      MAX_EXPONENTIAL_SCALE,
      MIN_EXPONENTIAL_SCALE,
      MAX_EXPONENTIAL_SCALE,
    );
    if (typeof maxScale === "string") return `bucketer.maxScale ${maxScale}`;
    const maxSize = integerIn(options.maxSize, DEFAULT_MAX_BUCKETS, 2, 16384);
    if (typeof maxSize === "string") return `bucketer.maxSize ${maxSize}`;
    return Object.freeze({ type: "exponential", maxScale, maxSize });
  }
  if (options.type === "function") {
    if (typeof options.upperBound !== "function") return "bucketer.upperBound must be a function";
    const maxBuckets = integerIn(options.maxBuckets, DEFAULT_MAX_BUCKETS, 1, 16384);
    if (typeof maxBuckets === "string") return `bucketer.maxBuckets ${maxBuckets}`;
    const upperBound = options.upperBound as (value: number) => number;
    return Object.freeze({ type: "function", upperBound, maxBuckets });
  }
  return 'bucketer.type must be "explicit", "exponential" or "function"';
}

/** @internal True when two bucketers bucket values the same way. */
export function sameBucketer(a: Bucketer | undefined, b: Bucketer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === "explicit" && b.type === "explicit") {
    return a.bounds.length === b.bounds.length && a.bounds.every((x, i) => x === b.bounds[i]);
  }
  if (a.type === "exponential" && b.type === "exponential") {
    return a.maxScale === b.maxScale && a.maxSize === b.maxSize;
  }
  if (a.type === "function" && b.type === "function") {
    return a.upperBound === b.upperBound && a.maxBuckets === b.maxBuckets;
  }
  return false;
}
