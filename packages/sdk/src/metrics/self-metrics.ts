import { metrics } from "@sonde/api";

/**
 * Why a metric sample was dropped:
 * - `invalid_value`: `NaN`, an infinity, a non-integer for an int metric, a wrong type, or a
 *   value outside a gauge's declared `values`;
 * - `negative_increment`: a counter increment below zero;
 * - `invalid_tags`: tags missing, unknown, of the wrong type, outside the declared values,
 *   strings longer than 256 characters, or not an object;
 * - `bucketer_error`: a function bucketer threw or returned a bound below the value.
 */
export const DROP_REASONS = [
  "invalid_value",
  "negative_increment",
  "invalid_tags",
  "bucketer_error",
] as const;

/** A reason in {@link DROP_REASONS}. */
export type DropReason = (typeof DROP_REASONS)[number];

/**
 * Why a metric sample was recorded changed:
 * - `out_of_range`: an int beyond int64 (clamped to its bound), a counter total beyond
 *   2^63 − 1 (saturated), or a double gauge sum beyond ±`Number.MAX_VALUE`;
 * - `too_long`: a string value longer than 4096 characters (truncated);
 * - `bucket_limit`: a function bucketer's bucket beyond `maxBuckets` (merged upwards).
 */
export const CLAMP_REASONS = ["out_of_range", "too_long", "bucket_limit"] as const;

/** A reason in {@link CLAMP_REASONS}. */
export type ClampReason = (typeof CLAMP_REASONS)[number];

const common = { unit: "{sample}", owner: "sonde", stability: "stable" } as const;

/** `/sonde/sdk/metrics/dropped_samples{metric, reason}`: samples dropped, never recorded. */
export const droppedSamples = metrics.counter("/sonde/sdk/metrics/dropped_samples", {
  ...common,
  description: "Metric samples dropped because their value or tags were invalid.",
  tags: { metric: "string", reason: { type: "string", values: DROP_REASONS } },
});

/** `/sonde/sdk/metrics/clamped_samples{metric, reason}`: samples recorded changed. */
export const clampedSamples = metrics.counter("/sonde/sdk/metrics/clamped_samples", {
  ...common,
  description: "Metric samples recorded after clamping or truncating their value.",
  tags: { metric: "string", reason: { type: "string", values: CLAMP_REASONS } },
});

/** `/sonde/sdk/metrics/overflow_samples{metric}`: samples in a metric's overflow series. */
export const overflowSamples = metrics.counter("/sonde/sdk/metrics/overflow_samples", {
  ...common,
  description:
    "Metric samples recorded in the overflow series because their metric reached its series limit.",
  tags: { metric: "string" },
});

/** True for the metrics above, whose own problems are reported but not counted (no loops). */
export function isSelfMetric(name: string): boolean {
  return name.startsWith("/sonde/sdk/metrics/");
}
