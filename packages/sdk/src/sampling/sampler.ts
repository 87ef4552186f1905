import type { SpanContext, SpanKind } from "@sonde/api";
import { diag } from "@sonde/api";

/**
 * Decides whether a new span is sampled: recorded and exported, with the W3C `sampled` flag
 * set in its context so that downstream services can follow the decision. Unsampled spans
 * still count in the span metrics. Called once per span start, so it must be cheap; it must
 * not throw (a throwing sampler turns that span into a noop, reported as `internal_error`).
 */
export interface Sampler {
  /**
   * `traceId`: the trace id of the new span (its parent's, or freshly drawn for a root);
   * `parent`: the parent's context (`remote` tells whether it came from another process), or
   * undefined for a root span.
   */
  shouldSample(
    traceId: string,
    parent: SpanContext | undefined,
    name: string,
    kind: SpanKind,
  ): boolean;
  /** What the sampler does, for diagnostics, e.g. `"traceIdRatio(0.01)"`. */
  readonly description: string;
}

/** Samples every span. */
export const alwaysOnSampler: Sampler = Object.freeze({
  description: "alwaysOn",
  shouldSample: () => true,
});

/** Samples no span (span metrics still count them all). */
export const alwaysOffSampler: Sampler = Object.freeze({
  description: "alwaysOff",
  shouldSample: () => false,
});

/**
 * `value` when it is a finite number within [`min`, `max`]; otherwise the nearest bound (or
 * `min` for NaN), reported as `invalid_options`.
 */
export function clampOption(option: string, value: unknown, min: number, max: number): number {
  if (typeof value === "number" && value >= min && value <= max) return value;
  const clamped = typeof value === "number" && value > max ? max : min;
  diag.report({
    code: "invalid_options",
    message: `${option} must be a number from ${min} to ${max}, got ${String(value)}; using ${clamped}`,
    key: option,
  });
  return clamped;
}
