import { context } from "../context/api.js";
import type { Context } from "../context/types.js";
import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { runAndEnd } from "./active.js";
import { isValidSpanContext, NonRecordingSpan } from "./non-recording.js";
import type { Span, SpanContext, SpanOptions, Tracer } from "./types.js";

// Symbol.for so that every copy of the api finds the same span in a context.
const SPAN_KEY = Symbol.for("sonde.context.span");
const NOOP_SPAN: Span = new NonRecordingSpan();

function getSpan(ctx: Context): Span | undefined {
  return ctx.getValue(SPAN_KEY) as Span | undefined;
}

function setSpan(ctx: Context, span: Span): Context {
  return ctx.setValue(SPAN_KEY, span);
}

function resolveParent(parent: SpanOptions["parent"]): SpanContext | undefined {
  if (parent === null) return undefined;
  const candidate =
    parent === undefined
      ? getSpan(context.active())?.spanContext()
      : "spanContext" in parent && typeof parent.spanContext === "function"
        ? parent.spanContext()
        : (parent as SpanContext);
  return candidate && isValidSpanContext(candidate) ? candidate : undefined;
}

class ProxyTracer implements Tracer {
  readonly #scope: { name: string; version: string };

  constructor(name: string, version: string) {
    this.#scope = { name, version };
  }

  startSpan(name: string, options: SpanOptions = {}): Span {
    const implementation = sondeGlobal.implementation;
    if (implementation === undefined) return NOOP_SPAN;
    try {
      const parent = resolveParent(options.parent);
      return implementation.tracing.startSpan(this.#scope, name, options, parent);
    } catch (error) {
      diag.report({ code: "internal_error", message: "startSpan failed", key: "tracing", error });
      return NOOP_SPAN;
    }
  }

  startActiveSpan<R>(name: string, fn: (span: Span) => R): R;
  startActiveSpan<R>(name: string, options: SpanOptions, fn: (span: Span) => R): R;
  startActiveSpan<R>(
    name: string,
    optionsOrFn: SpanOptions | ((span: Span) => R),
    maybeFn?: (span: Span) => R,
  ): R {
    const fn = typeof optionsOrFn === "function" ? optionsOrFn : (maybeFn as (span: Span) => R);
    const span = this.startSpan(name, typeof optionsOrFn === "function" ? {} : optionsOrFn);
    // Without an SDK there is no context to carry the span: skip building one.
    if (sondeGlobal.implementation === undefined) return runAndEnd(span, fn);
    return context.with(setSpan(context.active(), span), () => runAndEnd(span, fn));
  }
}

/**
 * Tracing entry points. None of them throws.
 *
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
 */
export const trace = {
  getTracer(name: string, version = ""): Tracer {
    return new ProxyTracer(name, version);
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
