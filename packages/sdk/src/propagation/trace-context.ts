import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from "@sonde/api";
import { trace } from "@sonde/api";
import { normalizeTracestate } from "./tracestate.js";

const TRACEPARENT = "traceparent";
const TRACESTATE = "tracestate";
// version "-" trace-id "-" parent-id "-" trace-flags, lower-case hex (W3C Trace Context §3.2).
const TRACEPARENT_FIELDS = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-|$)/;
const ZERO_TRACE_ID = "00000000000000000000000000000000";
const ZERO_SPAN_ID = "0000000000000000";

function single(value: string | readonly string[] | undefined): string | undefined {
  if (typeof value === "string") return value;
  return Array.isArray(value) && value.length === 1 ? value[0] : undefined;
}

/**
 * Parses a `traceparent` header strictly (W3C Trace Context Level 1, §3.2 and §4.3): version
 * `00` must be exactly 55 characters; a higher version may append `-`-separated fields;
 * version `ff`, upper-case hex and all-zero ids are invalid. Returns undefined when invalid.
 */
export function parseTraceparent(
  header: string,
): { traceId: string; spanId: string; sampled: boolean } | undefined {
  if (typeof header !== "string") return undefined;
  const value = header.trim();
  const match = TRACEPARENT_FIELDS.exec(value);
  if (match === null) return undefined;
  const [, version, traceId, spanId, flags] = match;
  if (version === "ff" || (version === "00" && value.length !== 55)) return undefined;
  if (traceId === ZERO_TRACE_ID || spanId === ZERO_SPAN_ID) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

/**
 * The W3C Trace Context propagator: writes and reads `traceparent` (version 00) and passes
 * `tracestate` on, validated and normalized by {@link normalizeTracestate} (malformed members
 * dropped). A malformed `traceparent` is ignored (the context is returned unchanged); never
 * throws for well-behaved getters and setters.
 */
export const traceContextPropagator: TextMapPropagator = {
  inject<C>(context: Context, carrier: C, setter: TextMapSetter<C>): void {
    const span = trace.getSpan(context);
    if (span === undefined) return;
    const spanContext = span.spanContext();
    if (!trace.isValidSpanContext(spanContext)) return;
    const flags = spanContext.sampled ? "01" : "00";
    setter.set(carrier, TRACEPARENT, `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`);
    const traceState =
      spanContext.traceState === "" ? "" : normalizeTracestate(spanContext.traceState);
    if (traceState !== "") setter.set(carrier, TRACESTATE, traceState);
  },

  extract<C>(context: Context, carrier: C, getter: TextMapGetter<C>): Context {
    const header = single(getter.get(carrier, TRACEPARENT));
    const parsed = header === undefined ? undefined : parseTraceparent(header);
    if (parsed === undefined) return context;
    const traceState = normalizeTracestate(getter.get(carrier, TRACESTATE));
    return trace.setSpan(context, trace.wrapSpanContext({ ...parsed, remote: true, traceState }));
  },

  fields(): string[] {
    return [TRACEPARENT, TRACESTATE];
  },
};
