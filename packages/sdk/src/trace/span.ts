import type {
  Attributes,
  AttributeValue,
  Link,
  Span,
  SpanContext,
  SpanKind,
  SpanStatusCode,
} from "@sonde/api";
import { diag } from "@sonde/api";
import type { AttrValue, SpanEventRecord, SpanLinkRecord, SpanRecord } from "@sonde/protocol";
import { nowUnixNano } from "../clock.js";

/** Per-span bounds; beyond them data is dropped and reported (`span_limit`). */
export const SPAN_LIMITS = { attributes: 128, events: 128, links: 128 } as const;

/** The instrumentation scope a span was created by (tracer name and version). */
export interface Scope {
  readonly name: string;
  readonly version: string;
}

/** Receives each span once, when it ends. Must not throw. */
export type SpanSink = (scope: Scope, span: SpanRecord) => void;

/** Everything needed to start a recording span. */
export interface SpanInit {
  scope: Scope;
  name: string;
  kind: SpanKind;
  spanContext: SpanContext;
  parentSpanId: string;
  startTimeUnixNano: bigint;
  attributes: Attributes | undefined;
  links: Link[] | undefined;
  sink: SpanSink;
}

function limitReached(what: keyof typeof SPAN_LIMITS): void {
  diag.report({
    code: "span_limit",
    message: `a span reached ${SPAN_LIMITS[what]} ${what}; further ${what} are dropped`,
    key: what,
  });
}

function invalidAttribute(key: string): void {
  diag.report({
    code: "invalid_attribute",
    message: `span attribute ${key}: value must be a string, number, boolean or an array of one of them; dropped`,
    key,
  });
}

/** Copies a valid attribute value (arrays copied), or returns undefined for invalid input. */
function sanitize(value: unknown): AttrValue | undefined {
  const type = typeof value;
  if (type === "string" || type === "boolean" || type === "number") return value as AttrValue;
  if (!Array.isArray(value)) return undefined;
  const elementType = typeof value[0];
  const valid =
    (elementType === "string" || elementType === "number" || elementType === "boolean") &&
    value.every((element) => typeof element === elementType);
  return valid || value.length === 0 ? [...value] : undefined;
}

function copyAttributes(attributes: Attributes | undefined): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (attributes === undefined) return out;
  let count = 0;
  for (const key in attributes) {
    const value = sanitize(attributes[key]);
    if (value === undefined) {
      invalidAttribute(key);
      continue;
    }
    if (count++ === SPAN_LIMITS.attributes) {
      limitReached("attributes");
      break;
    }
    out[key] = value;
  }
  return out;
}

/** A sampled span that records data and hands a {@link SpanRecord} to its sink on `end()`. */
export class RecordingSpan implements Span {
  readonly #scope: Scope;
  readonly #context: SpanContext;
  readonly #parentSpanId: string;
  readonly #kind: SpanKind;
  readonly #start: bigint;
  readonly #sink: SpanSink;
  readonly #attributes: Record<string, AttrValue>;
  #attributeCount: number;
  readonly #events: SpanEventRecord[] = [];
  readonly #links: SpanLinkRecord[];
  #name: string;
  #status: SpanStatusCode = "unset";
  #statusMessage = "";
  #ended = false;

  constructor(init: SpanInit) {
    this.#scope = init.scope;
    this.#name = init.name;
    this.#kind = init.kind;
    this.#context = init.spanContext;
    this.#parentSpanId = init.parentSpanId;
    this.#start = init.startTimeUnixNano;
    this.#sink = init.sink;
    this.#attributes = copyAttributes(init.attributes);
    this.#attributeCount = Object.keys(this.#attributes).length;
    const links = init.links ?? [];
    if (links.length > SPAN_LIMITS.links) limitReached("links");
    this.#links = links.slice(0, SPAN_LIMITS.links).map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      attributes: copyAttributes(link.attributes),
    }));
  }

  spanContext(): SpanContext {
    return this.#context;
  }

  isRecording(): boolean {
    return !this.#ended;
  }

  setAttribute(key: string, value: AttributeValue): this {
    if (this.#ended) return this;
    const clean = sanitize(value);
    if (clean === undefined) {
      invalidAttribute(key);
      return this;
    }
    if (!(key in this.#attributes)) {
      if (this.#attributeCount === SPAN_LIMITS.attributes) {
        limitReached("attributes");
        return this;
      }
      this.#attributeCount++;
    }
    this.#attributes[key] = clean;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key in attributes) this.setAttribute(key, attributes[key]);
    return this;
  }

  addEvent(name: string, attributes?: Attributes, timeUnixNano?: bigint): this {
    if (this.#ended) return this;
    if (this.#events.length === SPAN_LIMITS.events) {
      limitReached("events");
      return this;
    }
    this.#events.push({
      name: String(name),
      timeUnixNano: typeof timeUnixNano === "bigint" ? timeUnixNano : nowUnixNano(),
      attributes: copyAttributes(attributes),
    });
    return this;
  }

  setStatus(code: SpanStatusCode, message?: string): this {
    if (this.#ended || this.#status === "ok" || code === "unset") return this;
    this.#status = code;
    // OpenTelemetry: the description is only meaningful for errors.
    this.#statusMessage = code === "error" && message !== undefined ? String(message) : "";
    return this;
  }

  recordException(error: unknown, attributes?: Attributes): this {
    const isError = error instanceof Error;
    return this.addEvent("exception", {
      "exception.type": isError ? error.name : typeof error,
      "exception.message": isError ? error.message : String(error),
      ...(isError && error.stack !== undefined ? { "exception.stacktrace": error.stack } : {}),
      ...attributes,
    });
  }

  updateName(name: string): this {
    if (!this.#ended) this.#name = String(name);
    return this;
  }

  end(endTimeUnixNano?: bigint): void {
    if (this.#ended) return;
    this.#ended = true;
    const end = typeof endTimeUnixNano === "bigint" ? endTimeUnixNano : nowUnixNano();
    this.#sink(this.#scope, {
      traceId: this.#context.traceId,
      spanId: this.#context.spanId,
      parentSpanId: this.#parentSpanId,
      traceState: this.#context.traceState,
      name: this.#name,
      kind: this.#kind,
      startTimeUnixNano: this.#start,
      endTimeUnixNano: end < this.#start ? this.#start : end,
      statusCode: this.#status,
      statusMessage: this.#statusMessage,
      attributes: this.#attributes,
      events: this.#events,
      links: this.#links,
    });
  }
}
