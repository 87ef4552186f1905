import type {
  ContextManager,
  Span,
  SpanContext,
  SpanKind,
  SpanOptions,
  TracerImplementation,
} from "@sonde/api";
import { NonRecordingSpan } from "@sonde/api";
import { nowUnixNano } from "../clock.js";
import { isTracingSuppressed } from "./context-manager.js";
import { newSpanId, newTraceId } from "./ids.js";
import { RecordingSpan, type Scope, type SpanSink } from "./span.js";

const KINDS = new Set<SpanKind>(["internal", "server", "client", "producer", "consumer"]);
const NOOP_SPAN = new NonRecordingSpan();

/**
 * Starts spans for the api's tracers. Sampling is parent-based with "always on" roots: a span
 * is recorded unless its parent says it was not sampled (then it only propagates the trace).
 */
export class Tracing implements TracerImplementation {
  readonly #sink: SpanSink;
  readonly #contextManager: ContextManager;

  constructor(sink: SpanSink, contextManager: ContextManager) {
    this.#sink = sink;
    this.#contextManager = contextManager;
  }

  startSpan(
    scope: Scope,
    name: string,
    options: SpanOptions,
    parent: SpanContext | undefined,
  ): Span {
    if (isTracingSuppressed(this.#contextManager.active())) return NOOP_SPAN;
    const spanContext: SpanContext = {
      traceId: parent?.traceId ?? newTraceId(),
      spanId: newSpanId(),
      sampled: parent?.sampled ?? true,
      remote: false,
      traceState: parent?.traceState ?? "",
    };
    if (!spanContext.sampled) return new NonRecordingSpan(spanContext);
    return new RecordingSpan({
      scope,
      name: String(name),
      kind: options.kind !== undefined && KINDS.has(options.kind) ? options.kind : "internal",
      spanContext,
      parentSpanId: parent?.spanId ?? "",
      startTimeUnixNano:
        typeof options.startTimeUnixNano === "bigint" ? options.startTimeUnixNano : nowUnixNano(),
      attributes: options.attributes,
      links: options.links,
      sink: this.#sink,
    });
  }
}
