import type {
  Attributes,
  AttributeValue,
  Link,
  ReferenceType,
  Span,
  SpanContext,
  SpanKind,
  SpanStatusCode,
} from "@sonde/api";
import { diag, isValidSpanContext } from "@sonde/api";
import type { AttrValue, SpanEventRecord, SpanLinkRecord, SpanRecord } from "@sonde/protocol";
import {
  copyAttributes,
  exceptionAttributes,
  invalidAttribute,
  limitReached,
  SPAN_LIMITS,
  sanitize,
  text,
} from "./attributes.js";
import { newSpanId } from "./ids.js";
import type { SpanNameStats } from "./span-stats.js";
import { KINDS, STATUSES } from "./span-stats.js";
import { fromUnixNano, monotonicNow, toUnixNano } from "./time.js";

/** The instrumentation scope a span was created by (tracer name and version). */
export interface Scope {
  readonly name: string;
  readonly version: string;
}

/** The link attribute naming a reference's type (OpenTelemetry semantic conventions). */
export const REFERENCE_TYPE_ATTRIBUTE = "opentracing.ref_type";

/** Where a span goes when it ends. Must not throw. */
export interface SpanFinisher {
  finish(span: SdkSpan, durationMs: number): void;
}

interface EventEntry {
  name: string;
  /** {@link monotonicNow} milliseconds, or exact UNIX nanoseconds when given by the caller. */
  time: number | bigint;
  attributes: Record<string, AttrValue>;
}

// Shared by the records of spans without attributes, events or links (records are read-only).
const NO_ATTRIBUTES: Record<string, AttrValue> = Object.freeze({}) as Record<string, AttrValue>;
const NO_EVENTS: SpanEventRecord[] = Object.freeze([]) as unknown as SpanEventRecord[];
const NO_LINKS: SpanLinkRecord[] = Object.freeze([]) as unknown as SpanLinkRecord[];

function linkRecord(context: SpanContext, attributes: Attributes | undefined): SpanLinkRecord {
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    attributes: copyAttributes(attributes),
  };
}

/** The link record of an OpenTracing reference: its attributes plus `opentracing.ref_type`. */
export function referenceLink(
  type: ReferenceType,
  context: SpanContext,
  attributes: Attributes | undefined,
): SpanLinkRecord {
  const link = linkRecord(context, attributes);
  link.attributes[REFERENCE_TYPE_ATTRIBUTE] = type;
  return link;
}

/**
 * A span of the SDK. Sampled spans record attributes, events and links and are exported when
 * they end; unsampled ones keep only what span metrics need (name, kind, status, times) so
 * that they stay cheap, and get a span id only if someone asks for their context.
 *
 * An ended span is its own export record (`SpanRecord`, read through getters), as
 * OpenTelemetry hands its `ReadableSpan`s to exporters: ending a span allocates no record, and
 * the `bigint` times are computed only when an exporter reads them.
 */
export class SdkSpan implements Span, SpanRecord {
  readonly scope: Scope;
  /** Index into {@link KINDS}. */
  readonly kindIndex: number;
  readonly traceId: string;
  readonly parentSpanId: string;
  readonly traceState: string;
  readonly sampled: boolean;
  /** The local parent, until this span ends. */
  parent: SdkSpan | undefined;
  name: string;
  /** The stats the span was started with (its name's, unless renamed since). */
  stats: SpanNameStats;
  /** Index into {@link STATUSES}. */
  statusIndex = 0;
  /** Milliseconds of children that ended while this span was open. */
  childMs = 0;
  readonly #finisher: SpanFinisher;
  readonly #startMs: number;
  readonly #startNano: bigint | undefined;
  #endMs = 0;
  #endNano: bigint | undefined;
  #spanId: string | undefined;
  #context: SpanContext | undefined;
  #statusMessage = "";
  #ended = false;
  #attributes: Record<string, AttrValue> | undefined;
  /** `setAttribute` calls so far: distinct keys are counted only once this reaches the limit. */
  #attributeCalls = 0;
  #events: EventEntry[] | undefined;
  #eventRecords: SpanEventRecord[] | undefined;
  #links: SpanLinkRecord[] | undefined;

  /**
   * `kind`: index into {@link KINDS}; `parentSpanId`: `""` for a root (and may be `""` for an
   * unsampled span, which is never exported); `parent`: the parent when
   * it is a span of this SDK (for the call graph); `startTimeUnixNano`: a start time given by
   * the caller. Positional, so that starting a span allocates no options object.
   */
  constructor(
    scope: Scope,
    name: string,
    kind: number,
    traceId: string,
    parentSpanId: string,
    parent: SdkSpan | undefined,
    traceState: string,
    sampled: boolean,
    startTimeUnixNano: bigint | undefined,
    stats: SpanNameStats,
    finisher: SpanFinisher,
  ) {
    this.scope = scope;
    this.name = name;
    this.kindIndex = kind;
    this.traceId = traceId;
    this.parentSpanId = parentSpanId;
    this.parent = parent;
    this.traceState = traceState;
    this.sampled = sampled;
    this.stats = stats;
    this.#finisher = finisher;
    this.#startNano = startTimeUnixNano;
    this.#startMs =
      startTimeUnixNano === undefined ? monotonicNow() : fromUnixNano(startTimeUnixNano);
    if (sampled) this.#spanId = newSpanId();
  }

  /** The span id, drawn on first use for unsampled spans. */
  get spanId(): string {
    this.#spanId ??= newSpanId();
    return this.#spanId;
  }

  spanContext(): SpanContext {
    this.#context ??= {
      traceId: this.traceId,
      spanId: this.spanId,
      sampled: this.sampled,
      remote: false,
      traceState: this.traceState,
    };
    return this.#context;
  }

  isRecording(): boolean {
    return this.sampled && !this.#ended;
  }

  setAttribute(key: string, value: AttributeValue): this {
    if (!this.sampled || this.#ended) return this;
    const clean = sanitize(value);
    if (clean === undefined) {
      invalidAttribute(key);
      return this;
    }
    this.#attributes ??= {};
    const attributes = this.#attributes;
    // Fewer calls than the limit cannot exceed it: the exact count (an `in` check, which cost
    // ~12 ns a call) is only needed past that.
    if (this.#attributeCalls < SPAN_LIMITS.attributes) {
      this.#attributeCalls++;
    } else if (!(key in attributes) && Object.keys(attributes).length >= SPAN_LIMITS.attributes) {
      limitReached("attributes");
      return this;
    }
    attributes[key] = clean;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    if (!this.sampled || typeof attributes !== "object" || attributes === null) return this;
    for (const key in attributes) this.setAttribute(key, attributes[key]);
    return this;
  }

  /**
   * Takes `attributes` as the span's attributes without copying them: for objects the SDK
   * built itself (instrumentation), of valid values only (as {@link sanitize} returns them),
   * that nobody changes afterwards. Copies them like {@link setAttributes} when the span has
   * attributes already or they exceed the limit. Measured on the HTTP server span: copying
   * 8 attributes key by key (megamorphic keyed loads and stores) cost ~2.5k instructions.
   */
  adoptAttributes(attributes: Attributes): this {
    if (!this.sampled || this.#ended) return this;
    const count = Object.keys(attributes).length;
    if (this.#attributes !== undefined || count > SPAN_LIMITS.attributes) {
      return this.setAttributes(attributes);
    }
    this.#attributes = attributes as Record<string, AttrValue>;
    this.#attributeCalls = count;
    return this;
  }

  addEvent(name: string, attributes?: Attributes, timeUnixNano?: bigint): this {
    if (!this.sampled || this.#ended) return this;
    this.#events ??= [];
    if (this.#events.length === SPAN_LIMITS.events) {
      limitReached("events");
      return this;
    }
    this.#events.push({
      name: typeof name === "string" ? name : text(name),
      time: typeof timeUnixNano === "bigint" ? timeUnixNano : monotonicNow(),
      attributes: copyAttributes(attributes),
    });
    return this;
  }

  /** Adds a link record (from `addLink`, the start options or a reference). */
  addLinkRecord(link: SpanLinkRecord): this {
    if (!this.sampled || this.#ended) return this;
    this.#links ??= [];
    if (this.#links.length === SPAN_LIMITS.links) {
      limitReached("links");
      return this;
    }
    this.#links.push(link);
    return this;
  }

  addLink(link: Link): this {
    if (!this.sampled || this.#ended) return this;
    const context = typeof link === "object" && link !== null ? link.context : undefined;
    if (typeof context !== "object" || context === null || !isValidSpanContext(context)) {
      diag.report({
        code: "invalid_link",
        message: "a span link needs a valid span context (W3C ids); dropped",
        key: "links",
      });
      return this;
    }
    return this.addLinkRecord(linkRecord(context, link.attributes));
  }

  setStatus(code: SpanStatusCode, message?: string): this {
    // Kept on unsampled spans too: span metrics count by status.
    if (this.#ended || this.statusIndex === 1 || code === "unset") return this;
    const index = STATUSES.indexOf(code);
    if (index < 0) return this;
    this.statusIndex = index;
    // OpenTelemetry: the description is only meaningful for errors.
    this.#statusMessage = code === "error" && message !== undefined ? text(message) : "";
    return this;
  }

  recordException(error: unknown, attributes?: Attributes): this {
    if (!this.sampled) return this;
    return this.addEvent("exception", { ...exceptionAttributes(error), ...attributes });
  }

  updateName(name: string): this {
    // Kept on unsampled spans too: span metrics count by name (e.g. `GET /users/:id`).
    if (!this.#ended) this.name = typeof name === "string" ? name : text(name);
    return this;
  }

  end(endTimeUnixNano?: bigint): void {
    if (this.#ended) return;
    this.#ended = true;
    if (typeof endTimeUnixNano === "bigint") {
      this.#endNano = endTimeUnixNano;
      this.#endMs = fromUnixNano(endTimeUnixNano);
    } else {
      this.#endMs = monotonicNow();
    }
    if (this.#endMs < this.#startMs) {
      this.#endMs = this.#startMs;
      this.#endNano = this.#startNano;
    }
    try {
      this.#finisher.finish(this, this.#endMs - this.#startMs);
    } catch (error) {
      diag.report({ code: "internal_error", message: "recording a span failed", error });
    }
  }

  // The export record (`SpanRecord`), meaningful once the span has ended.

  get kind(): SpanKind {
    return KINDS[this.kindIndex];
  }

  get startTimeUnixNano(): bigint {
    return this.#startNano ?? toUnixNano(this.#startMs);
  }

  get endTimeUnixNano(): bigint {
    return this.#endNano ?? toUnixNano(this.#endMs);
  }

  get statusCode(): SpanStatusCode {
    return STATUSES[this.statusIndex];
  }

  get statusMessage(): string {
    return this.#statusMessage;
  }

  get attributes(): Record<string, AttrValue> {
    return this.#attributes ?? NO_ATTRIBUTES;
  }

  get events(): SpanEventRecord[] {
    if (this.#events === undefined) return NO_EVENTS;
    this.#eventRecords ??= this.#events.map(eventRecord);
    return this.#eventRecords;
  }

  get links(): SpanLinkRecord[] {
    return this.#links ?? NO_LINKS;
  }

  /** The record as a plain object (for `JSON.stringify` in diagnostics and tests). */
  toJSON(): SpanRecord {
    return {
      traceId: this.traceId,
      spanId: this.spanId,
      parentSpanId: this.parentSpanId,
      traceState: this.traceState,
      name: this.name,
      kind: this.kind,
      startTimeUnixNano: this.startTimeUnixNano,
      endTimeUnixNano: this.endTimeUnixNano,
      statusCode: this.statusCode,
      statusMessage: this.statusMessage,
      attributes: this.attributes,
      events: this.events,
      links: this.links,
    };
  }
}

function eventRecord(event: EventEntry): SpanEventRecord {
  const time = event.time;
  return {
    name: event.name,
    timeUnixNano: typeof time === "bigint" ? time : toUnixNano(time),
    attributes: event.attributes,
  };
}
