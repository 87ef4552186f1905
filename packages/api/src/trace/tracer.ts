import { context } from "../context/api.js";
import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { runAndEnd } from "./active.js";
import { getSpan, setSpan } from "./context-span.js";
import { isValidSpanContext, NonRecordingSpan } from "./non-recording.js";
import type { Reference, Span, SpanContext, SpanOptions, Tracer } from "./types.js";

/** An instrumentation scope: the library or module that creates spans. */
export interface Scope {
  readonly name: string;
  readonly version: string;
}

const NOOP_SPAN: Span = new NonRecordingSpan();
const NO_OPTIONS: SpanOptions = Object.freeze({});

function isSpan(value: Span | SpanContext): value is Span {
  return typeof (value as Partial<Span>).spanContext === "function";
}

function asSpan(value: Span | SpanContext): Span {
  return isSpan(value) ? value : new NonRecordingSpan(value);
}

function isValidTarget(value: Span | SpanContext | undefined): value is Span | SpanContext {
  if (typeof value !== "object" || value === null) return false;
  return isValidSpanContext(isSpan(value) ? value.spanContext() : value);
}

/**
 * The parent chosen by references (OpenTelemetry's OpenTracing shim): the first valid
 * `child_of` reference, else the first valid reference.
 */
function referenceParent(references: readonly Reference[]): Span | undefined {
  let first: Span | SpanContext | undefined;
  for (const reference of references) {
    const target = reference?.context;
    if (!isValidTarget(target)) continue;
    if (reference.type === "child_of") return asSpan(target);
    first ??= target;
  }
  return first === undefined ? undefined : asSpan(first);
}

function resolveParent(options: SpanOptions): Span | undefined {
  const parent = options.parent;
  if (parent === null) return undefined;
  if (parent !== undefined) return typeof parent === "object" ? asSpan(parent) : undefined;
  const references = options.references;
  if (Array.isArray(references) && references.length > 0) return referenceParent(references);
  return getSpan(context.active());
}

/**
 * @internal Starts a span through the installed SDK under `parent`; a noop span without an SDK
 * or if the SDK fails (reported). Never throws.
 */
export function startSpanUnder(
  scope: Scope,
  name: string,
  options: SpanOptions,
  parent: Span | undefined,
): Span {
  const implementation = sondeGlobal.implementation;
  if (implementation === undefined) return NOOP_SPAN;
  try {
    return implementation.tracing.startSpan(scope, name, options, parent);
  } catch (error) {
    diag.report({ code: "internal_error", message: "startSpan failed", key: "tracing", error });
    return NOOP_SPAN;
  }
}

/** @internal The tracer handed out by `trace.getTracer`: delegates to whichever SDK is installed. */
export class ProxyTracer implements Tracer {
  readonly #scope: Scope;

  constructor(name: string, version: string) {
    this.#scope = { name, version };
  }

  startSpan(name: string, options?: SpanOptions): Span {
    if (sondeGlobal.implementation === undefined) return NOOP_SPAN;
    const resolved = typeof options === "object" && options !== null ? options : NO_OPTIONS;
    let parent: Span | undefined;
    try {
      parent = resolveParent(resolved);
    } catch (error) {
      diag.report({ code: "internal_error", message: "bad span parent", key: "tracing", error });
    }
    return startSpanUnder(this.#scope, name, resolved, parent);
  }

  startActiveSpan<R>(name: string, fn: (span: Span) => R): R;
  startActiveSpan<R>(name: string, options: SpanOptions, fn: (span: Span) => R): R;
  startActiveSpan<R>(
    name: string,
    optionsOrFn: SpanOptions | ((span: Span) => R),
    maybeFn?: (span: Span) => R,
  ): R {
    const fn = typeof optionsOrFn === "function" ? optionsOrFn : (maybeFn as (span: Span) => R);
    const span = this.startSpan(name, typeof optionsOrFn === "function" ? NO_OPTIONS : optionsOrFn);
    // Without an SDK there is no context to carry the span: skip building one.
    if (sondeGlobal.implementation === undefined) return runAndEnd(span, fn);
    return context.with(setSpan(context.active(), span), () => runAndEnd(span, fn));
  }
}
