import type {
  MetricsImplementation,
  Span,
  SpanBridge,
  SpanContext,
  SpanOptions,
  TracerImplementation,
} from "@sonde/api";
import { NonRecordingSpan, trace } from "@sonde/api";
import { followsLocalParent } from "../sampling/parent-based.js";
import type { Sampler } from "../sampling/sampler.js";
import { text } from "./attributes.js";
import { isSuppressionSpan } from "./context-manager.js";
import { newTraceId } from "./ids.js";
import { referenceLink, type Scope, SdkSpan, type SpanFinisher } from "./span.js";
import { KINDS, SpanStats } from "./span-stats.js";

const NOOP_SPAN = new NonRecordingSpan();

/** Receives every finished sampled span, for export. Must not throw. */
export type SpanSink = (span: SdkSpan) => void;

function kindIndex(kind: SpanOptions["kind"]): number {
  if (kind === undefined) return 0;
  const index = KINDS.indexOf(kind);
  return index < 0 ? 0 : index;
}

/**
 * The SDK's tracer implementation: samples new spans, feeds every finished span (sampled or
 * not) to the span metrics and the call graph, and hands sampled ones to the exporter.
 */
export class Tracing implements TracerImplementation, SpanFinisher {
  /** Span statistics by name: the span metric and the call graph. */
  readonly stats: SpanStats;
  bridge: SpanBridge | undefined;
  readonly #sink: SpanSink;
  readonly #sampler: Sampler;
  readonly #followsLocalParent: boolean;

  constructor(sink: SpanSink, sampler: Sampler, metrics: MetricsImplementation) {
    this.#sink = sink;
    this.#sampler = sampler;
    this.#followsLocalParent = followsLocalParent(sampler);
    this.stats = new SpanStats(metrics);
  }

  startSpan(scope: Scope, name: string, options: SpanOptions, parent: Span | undefined): Span {
    if (parent !== undefined && isSuppressionSpan(parent)) return NOOP_SPAN;
    const spanName = typeof name === "string" ? name : text(name);
    const kind = kindIndex(options.kind);
    if (parent instanceof SdkSpan && this.#followsLocalParent) {
      // The decision is the parent's: no parent context, no sampler call. An unsampled child
      // is never exported, so it needs no parent span id (nor does its parent need an id).
      const sampled = parent.sampled;
      const span = new SdkSpan(
        scope,
        spanName,
        kind,
        parent.traceId,
        sampled ? parent.spanId : "",
        parent,
        parent.traceState,
        sampled,
        typeof options.startTimeUnixNano === "bigint" ? options.startTimeUnixNano : undefined,
        this.stats.get(spanName),
        this,
      );
      if (sampled) this.#recordStartData(span, options);
      return span;
    }
    let local: SdkSpan | undefined;
    let parentContext: SpanContext | undefined;
    if (parent instanceof SdkSpan) {
      local = parent;
      parentContext = parent.spanContext();
    } else if (parent !== undefined) {
      const candidate = parent.spanContext();
      if (trace.isValidSpanContext(candidate)) parentContext = candidate;
    }
    const traceId = parentContext?.traceId ?? newTraceId();
    const sampled = this.#sampler.shouldSample(traceId, parentContext, spanName, KINDS[kind]);
    const span = new SdkSpan(
      scope,
      spanName,
      kind,
      traceId,
      parentContext?.spanId ?? "",
      local,
      parentContext?.traceState ?? "",
      sampled === true,
      typeof options.startTimeUnixNano === "bigint" ? options.startTimeUnixNano : undefined,
      this.stats.get(spanName),
      this,
    );
    if (span.sampled) this.#recordStartData(span, options);
    return span;
  }

  finish(span: SdkSpan, durationMs: number): void {
    if (span.sampled) this.#sink(span);
    const stats = span.stats.name === span.name ? span.stats : this.stats.get(span.name);
    const parent = span.parent;
    let caller: SdkSpan["stats"] | undefined;
    if (parent !== undefined) {
      span.parent = undefined;
      parent.childMs += durationMs;
      caller = parent.stats.name === parent.name ? parent.stats : this.stats.get(parent.name);
    }
    const selfMs = durationMs > span.childMs ? durationMs - span.childMs : 0;
    stats.record(span.kindIndex, span.statusIndex, durationMs, selfMs, caller);
  }

  /** Attributes, links and references given when the span started. */
  #recordStartData(span: SdkSpan, options: SpanOptions): void {
    if (options.attributes !== undefined) span.setAttributes(options.attributes);
    const links = options.links;
    if (Array.isArray(links)) for (const link of links) span.addLink(link);
    const references = options.references;
    if (!Array.isArray(references)) return;
    for (const reference of references) {
      const target = reference?.context;
      if (typeof target !== "object" || target === null) continue;
      const context =
        typeof (target as Span).spanContext === "function"
          ? (target as Span).spanContext()
          : (target as SpanContext);
      if (!trace.isValidSpanContext(context)) continue;
      if (reference.type !== "child_of" && reference.type !== "follows_from") continue;
      span.addLinkRecord(referenceLink(reference.type, context, reference.attributes));
    }
  }
}
