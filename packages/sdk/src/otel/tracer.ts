import type {
  Context,
  Span as OtelSpanInterface,
  SpanOptions as OtelSpanOptions,
  Tracer,
  TracerProvider,
} from "@opentelemetry/api";
import type { ContextManager, Link, Span, SpanOptions } from "@sonde/api";
import { diag, NonRecordingSpan, trace } from "@sonde/api";
import { KINDS } from "../trace/span-stats.js";
import type { Tracing } from "../trace/tracing.js";
import { fromOtelAttributes, fromOtelLink, fromTimeInput } from "./convert.js";

// OpenTelemetry SDKs' own "do not trace" flag (@opentelemetry/core `suppressTracing`).
const OTEL_SUPPRESS_TRACING = Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING");
const NOOP_SPAN = new NonRecordingSpan();

/** What the bridge's tracers need from the SDK and the bridge. */
export interface BridgeParts {
  tracing: Tracing;
  contextManager: ContextManager;
  /** The OpenTelemetry view of a Sonde span (cached, so always the same object). */
  toOtel(span: Span): OtelSpanInterface;
}

function sondeOptions(options: OtelSpanOptions): SpanOptions {
  const links: Link[] = [];
  if (Array.isArray(options.links)) {
    for (const link of options.links) {
      const converted = fromOtelLink(link);
      if (converted !== undefined) links.push(converted);
    }
  }
  return {
    kind: KINDS[options.kind ?? 0] ?? "internal",
    attributes: fromOtelAttributes(options.attributes),
    links,
    startTimeUnixNano: fromTimeInput(options.startTime),
  };
}

/** An OpenTelemetry tracer whose spans are Sonde spans of the same instrumentation scope. */
class BridgeTracer implements Tracer {
  readonly #scope: { name: string; version: string };
  readonly #parts: BridgeParts;

  constructor(scope: { name: string; version: string }, parts: BridgeParts) {
    this.#scope = scope;
    this.#parts = parts;
  }

  startSpan(name: string, options: OtelSpanOptions = {}, context?: Context): OtelSpanInterface {
    const parts = this.#parts;
    const ctx = context ?? parts.contextManager.active();
    try {
      if (ctx.getValue(OTEL_SUPPRESS_TRACING) === true) return parts.toOtel(NOOP_SPAN);
      const parent = options?.root === true ? undefined : trace.getSpan(ctx);
      const span = parts.tracing.startSpan(this.#scope, name, sondeOptions(options ?? {}), parent);
      return parts.toOtel(span);
    } catch (error) {
      diag.report({ code: "internal_error", message: "OpenTelemetry startSpan failed", error });
      return parts.toOtel(NOOP_SPAN);
    }
  }

  startActiveSpan<F extends (span: OtelSpanInterface) => unknown>(
    name: string,
    ...rest: [F] | [OtelSpanOptions, F] | [OtelSpanOptions, Context, F]
  ): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as OtelSpanOptions) : {};
    const parentContext =
      rest.length > 2 ? (rest[1] as Context) : this.#parts.contextManager.active();
    const span = this.startSpan(name, options, parentContext);
    const sonde = (span as { sonde?: Span }).sonde ?? NOOP_SPAN;
    return this.#parts.contextManager.with(trace.setSpan(parentContext, sonde), () =>
      fn(span),
    ) as ReturnType<F>;
  }
}

/** The tracer provider registered with OpenTelemetry: hands out {@link BridgeTracer}s. */
export class BridgeTracerProvider implements TracerProvider {
  readonly #parts: BridgeParts;

  constructor(parts: BridgeParts) {
    this.#parts = parts;
  }

  getTracer(name: string, version?: string): Tracer {
    return new BridgeTracer({ name: String(name), version: version ?? "" }, this.#parts);
  }
}
