import { context } from "../context/api.js";
import { getSpan, setSpan } from "./context-span.js";
import { errorMessage as asText } from "./errors.js";
import { traceFunction } from "./function.js";
import { isValidSpanContext, NonRecordingSpan } from "./non-recording.js";
import { ProxyTracer } from "./tracer.js";
import type { Span, SpanContext, Tracer } from "./types.js";

const namespace = {
  getTracer(name: string, version = ""): Tracer {
    return new ProxyTracer(asText(name), asText(version));
  },
  activeSpan(): Span | undefined {
    return getSpan(context.active());
  },
  withSpan<R>(span: Span, fn: () => R): R {
    return context.with(setSpan(context.active(), span), fn);
  },
  getSpan,
  setSpan,
  wrapSpanContext(spanContext: SpanContext): Span {
    return new NonRecordingSpan(spanContext);
  },
  isValidSpanContext,
} as const;

/**
 * Tracing entry points. None of them throws.
 *
 * - `trace(name, fn, options?)`: `fn` wrapped so that each call is a span plus per-function
 *   metrics (see {@link traceFunction}).
 * - `getTracer(name, version?)`: a tracer for an instrumentation scope (your library or
 *   module name). Before an SDK is installed its spans are noops; after, the same tracer
 *   records.
 * - `activeSpan()`: the span in the active context, or `undefined`.
 * - `withSpan(span, fn)`: runs `fn` with `span` active (its spans become children) and returns
 *   what `fn` returns.
 * - `getSpan(ctx)` / `setSpan(ctx, span)`: read or set the span of a context.
 * - `wrapSpanContext(spanContext)`: a non-recording span carrying `spanContext` (e.g. a remote
 *   parent).
 * - `isValidSpanContext(spanContext)`: ids well-formed and non-zero (W3C Trace Context).
 *
 * @example
 * const tracer = trace.getTracer("billing");
 * await tracer.startActiveSpan("charge", async (span) => { span.setAttribute("amount", 3); });
 * const quote = trace("quote", async (sku: string) => prices.get(sku));
 */
export const trace: typeof traceFunction & typeof namespace = Object.assign(function trace<
  T,
  A extends unknown[],
  R,
>(
  name: string,
  fn: (this: T, ...args: A) => R,
  options?: Parameters<typeof traceFunction>[2],
): (this: T, ...args: A) => R {
  return traceFunction(name, fn, options);
}, namespace);
