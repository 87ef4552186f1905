import { trace } from "@sonde/api";

const INVALID_TRACE_ID = "00000000000000000000000000000000";

/**
 * The trace and span ids of the active span, or undefined outside a span (or inside a
 * non-recording span with an invalid context). Never throws.
 */
export function activeIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.activeSpan();
  if (span === undefined) return undefined;
  const context = span.spanContext();
  return context.traceId === INVALID_TRACE_ID ? undefined : context;
}
