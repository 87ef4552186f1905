import { performance } from "node:perf_hooks";
import type {
  Attributes as OtelAttributes,
  Link as OtelLink,
  SpanContext as OtelSpanContext,
  TimeInput,
  TraceState,
} from "@opentelemetry/api";
import type { Attributes, AttributeValue, Link, SpanContext } from "@sonde/api";
import { toUnixNano } from "../trace/time.js";

/** OpenTelemetry's `TraceFlags.SAMPLED`. */
const SAMPLED = 1;

/** OpenTelemetry attributes without the `undefined` and `null` values it allows (= absent). */
export function fromOtelAttributes(attributes: OtelAttributes | undefined): Attributes | undefined {
  if (typeof attributes !== "object" || attributes === null) return undefined;
  const out: Attributes = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined && value !== null) out[key] = value as AttributeValue;
  }
  return out;
}

/** A Sonde span context for an OpenTelemetry one. */
export function fromOtelSpanContext(context: OtelSpanContext): SpanContext {
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    sampled: (context.traceFlags & SAMPLED) === SAMPLED,
    remote: context.isRemote === true,
    traceState: context.traceState?.serialize() ?? "",
  };
}

/** An OpenTelemetry span context for a Sonde one. */
export function toOtelSpanContext(
  context: SpanContext,
  createTraceState: (raw: string) => unknown,
): OtelSpanContext {
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    traceFlags: context.sampled ? SAMPLED : 0,
    isRemote: context.remote,
    traceState:
      context.traceState === "" ? undefined : (createTraceState(context.traceState) as TraceState),
  };
}

/** A Sonde link for an OpenTelemetry one, or undefined when it has no context. */
export function fromOtelLink(link: OtelLink | undefined): Link | undefined {
  if (typeof link?.context !== "object" || link.context === null) return undefined;
  return {
    context: fromOtelSpanContext(link.context),
    attributes: fromOtelAttributes(link.attributes),
  };
}

/** True for an OpenTelemetry `TimeInput`: `[seconds, nanoseconds]`, a number or a `Date`. */
export function isTimeInput(value: unknown): value is TimeInput {
  return (
    typeof value === "number" ||
    value instanceof Date ||
    (Array.isArray(value) && value.length === 2 && typeof value[0] === "number")
  );
}

/**
 * An OpenTelemetry `TimeInput` as nanoseconds since the UNIX epoch, read as OpenTelemetry JS
 * does: `[seconds, nanoseconds]` since the epoch; a number of milliseconds, since the epoch
 * unless it is smaller than `performance.timeOrigin` (then a `performance.now()` value); a
 * `Date`. Undefined for anything else.
 */
export function fromTimeInput(time: unknown): bigint | undefined {
  if (Array.isArray(time) && time.length === 2) {
    const [seconds, nanos] = time as [unknown, unknown];
    if (Number.isSafeInteger(seconds) && Number.isSafeInteger(nanos)) {
      return BigInt(seconds as number) * 1_000_000_000n + BigInt(nanos as number);
    }
    return undefined;
  }
  if (time instanceof Date) {
    const ms = time.getTime();
    return Number.isFinite(ms) ? BigInt(ms) * 1_000_000n : undefined;
  }
  if (typeof time !== "number" || !Number.isFinite(time)) return undefined;
  return time < performance.timeOrigin ? toUnixNano(time) : BigInt(Math.round(time * 1e6));
}
