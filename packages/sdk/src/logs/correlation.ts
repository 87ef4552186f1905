import { type Span, trace } from "@sonde/api";

const INVALID_TRACE_ID = "00000000000000000000000000000000";
const HEX = /^[0-9a-f]+$/;

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

// A span's ids never change, so its fragment is formatted once: the last span's is checked
// first (lines of one request come in runs), then the others' (interleaved requests).
const fragments = new WeakMap<Span, string>();
let lastSpan: Span | undefined;
let lastFragment = "";

function format(span: Span): string {
  const { traceId, spanId } = span.spanContext();
  return traceId !== INVALID_TRACE_ID && HEX.test(traceId) && HEX.test(spanId)
    ? `,"trace_id":"${traceId}","span_id":"${spanId}"`
    : "";
}

/**
 * The active span's ids as raw JSON members, `,"trace_id":"<32 hex>","span_id":"<16 hex>"`,
 * or `""` outside a span (or when its ids are invalid or not lowercase hex, so that the line
 * stays valid JSON). Formatted once per span. Never throws.
 */
export function traceFragment(): string {
  const span = trace.activeSpan();
  if (span === undefined) return "";
  if (span === lastSpan) return lastFragment;
  let fragment = fragments.get(span);
  if (fragment === undefined) {
    fragment = format(span);
    fragments.set(span, fragment);
  }
  lastSpan = span;
  lastFragment = fragment;
  return fragment;
}
