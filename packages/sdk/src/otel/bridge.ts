import type { Span as OtelSpanInterface } from "@opentelemetry/api";
import type { ContextManager, Span, SpanBridge, TextMapPropagator } from "@sonde/api";
import { diag, NonRecordingSpan } from "@sonde/api";
import type { Tracing } from "../trace/tracing.js";
import type { OpenTelemetryApi } from "./api.js";
import { OtelContextManager } from "./context-manager.js";
import { fromOtelSpanContext } from "./convert.js";
import { OtelSpan } from "./span.js";
import { BridgeTracerProvider } from "./tracer.js";

// Where OpenTelemetry keeps the active span (@opentelemetry/api `trace.setSpan`).
const OTEL_SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");

/** The SDK parts the bridge connects to OpenTelemetry. */
export interface BridgeTarget {
  tracing: Tracing;
  contextManager: ContextManager;
  propagator: TextMapPropagator;
}

interface OtelSpanBridge extends SpanBridge {
  toForeign(span: Span): OtelSpanInterface;
}

/** Both views of every span seen through the bridge, each created once. */
function spanBridge(createTraceState: (raw: string) => unknown): OtelSpanBridge {
  const otelViews = new WeakMap<Span, OtelSpanInterface>();
  const sondeViews = new WeakMap<object, Span>();
  return {
    key: OTEL_SPAN_KEY,
    toForeign(span: Span): OtelSpanInterface {
      let view = otelViews.get(span);
      if (view === undefined) {
        view = new OtelSpan(span, createTraceState);
        otelViews.set(span, view);
      }
      return view;
    },
    fromForeign(value: unknown): Span | undefined {
      if (value instanceof OtelSpan) return value.sonde;
      if (typeof value !== "object" || value === null) return undefined;
      const foreign = value as Partial<OtelSpanInterface>;
      if (typeof foreign.spanContext !== "function") return undefined;
      let view = sondeViews.get(value);
      if (view === undefined) {
        // A span of another OpenTelemetry tracer (e.g. a remote parent it extracted).
        view = new NonRecordingSpan(fromOtelSpanContext(foreign.spanContext()));
        sondeViews.set(value, view);
        otelViews.set(view, value as OtelSpanInterface);
      }
      return view;
    },
  };
}

/**
 * Makes Sonde the process's OpenTelemetry tracing implementation (`@opentelemetry/api` 1.x
 * passed as `api`): registers a tracer provider whose spans are Sonde spans (kinds,
 * attributes, events, links, status, exceptions, explicit times), a context manager sharing
 * Sonde's active context (an OpenTelemetry span made active is the parent of Sonde spans and
 * the other way round), and Sonde's propagator as OpenTelemetry's, so that
 * `@opentelemetry/instrumentation-*` packages and code written against OpenTelemetry report
 * into Sonde, sampled and counted in span metrics like Sonde's own spans.
 *
 * Returns a function that removes the registrations. Never throws: a global OpenTelemetry
 * already registered (another SDK) is reported as `already_registered` and left in place.
 * Baggage stays per API (OpenTelemetry's baggage is not Sonde's).
 */
export function installOpenTelemetryBridge(
  api: OpenTelemetryApi,
  target: BridgeTarget,
): () => void {
  const createTraceState = (raw: string) => api.createTraceState(raw);
  const bridge = spanBridge(createTraceState);
  const provider = new BridgeTracerProvider({
    tracing: target.tracing,
    contextManager: target.contextManager,
    toOtel: (span) => bridge.toForeign(span),
  });
  target.tracing.bridge = bridge;
  const registered = {
    trace: api.trace.setGlobalTracerProvider(provider as never),
    context: api.context.setGlobalContextManager(
      new OtelContextManager(target.contextManager) as never,
    ),
    propagation: api.propagation.setGlobalPropagator(target.propagator as never),
  };
  for (const [what, ok] of Object.entries(registered)) {
    if (ok) continue;
    diag.report({
      code: "already_registered",
      message: `OpenTelemetry ${what} already has a global implementation; Sonde's was not installed`,
      key: `opentelemetry.${what}`,
    });
  }
  return () => {
    if (target.tracing.bridge === bridge) target.tracing.bridge = undefined;
    if (registered.trace) api.trace.disable();
    if (registered.context) api.context.disable();
    if (registered.propagation) api.propagation.disable();
  };
}
