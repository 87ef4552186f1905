/**
 * A span or event attribute value (OpenTelemetry `AttributeValue`, plus `bigint` for exact
 * 64-bit integers). Exported over OTLP as: string → string, integer number or bigint → int,
 * other number → double, boolean → bool, and arrays of one of these types (homogeneous) →
 * array. Other values are dropped and reported (`invalid_attribute`).
 */
export type AttributeValue =
  | string
  | number
  | bigint
  | boolean
  | readonly string[]
  | readonly number[]
  | readonly boolean[];

/** Attributes by name, e.g. `{ "http.request.method": "GET" }` (OpenTelemetry semantic names). */
export type Attributes = Record<string, AttributeValue>;

/** The role of a span (OpenTelemetry `SpanKind`). Default `"internal"`. */
export type SpanKind = "internal" | "server" | "client" | "producer" | "consumer";

/** A span's status (OpenTelemetry `StatusCode`). `"ok"` is final once set. */
export type SpanStatusCode = "unset" | "ok" | "error";

/**
 * What identifies a span across processes (W3C Trace Context `traceparent` fields).
 * The all-zero ids form the invalid context, used by noop spans.
 */
export interface SpanContext {
  /** 32 lower-case hex characters, not all zero. */
  readonly traceId: string;
  /** 16 lower-case hex characters, not all zero. */
  readonly spanId: string;
  /** The W3C `sampled` trace flag: whether the span is being recorded and exported. */
  readonly sampled: boolean;
  /** True when the context came from another process (propagation). */
  readonly remote: boolean;
  /** The W3C `tracestate` header value, passed through unchanged (`""` when absent). */
  readonly traceState: string;
}

/** A reference to another span (e.g. the messages a batch job consumed). */
export interface Link {
  context: SpanContext;
  attributes?: Attributes;
}

/**
 * OpenTracing's causal relationships (OpenTracing specification, "References between Spans"):
 * `child_of` — the referenced span depends on this one (it waits for its result);
 * `follows_from` — it does not (a job queued by a request, a message consumed later).
 */
export type ReferenceType = "child_of" | "follows_from";

/** A causal reference from a new span to another span (see {@link SpanOptions.references}). */
export interface Reference {
  type: ReferenceType;
  /** The referenced span, or its context (e.g. extracted from a message). */
  context: Span | SpanContext;
  /** Extra attributes for the exported link. */
  attributes?: Attributes;
}

/** Options for {@link Tracer.startSpan}. */
export interface SpanOptions {
  /** Default `"internal"`. */
  kind?: SpanKind;
  attributes?: Attributes;
  /**
   * The parent: a span or a span context; `null` starts a new trace. Default: the span in the
   * active context, if any.
   */
  parent?: Span | SpanContext | null;
  /**
   * Causal references, several allowed (OpenTracing). Each is exported as an OTLP link with
   * the attribute `opentracing.ref_type` (`child_of` or `follows_from`, OpenTelemetry semantic
   * conventions). Unless `parent` is given, they also choose the parent, as the OpenTelemetry
   * OpenTracing shim does: the first `child_of` reference, else the first reference. So a span
   * with only `follows_from` references continues the referenced trace (OpenTracing models
   * follows-from as a parent/child relationship inside one trace) and the link records that the
   * parent did not wait for it. References replace the active span as the default parent.
   */
  references?: Reference[];
  links?: Link[];
  /** Start time in nanoseconds since the UNIX epoch. Default: now (monotonic clock). */
  startTimeUnixNano?: bigint;
}

/**
 * A timed operation. Every method is safe to call after `end()` (it is ignored) and never
 * throws. Setters return the span for chaining.
 */
export interface Span {
  /** The ids of this span; valid (non-zero) for spans created by the SDK. */
  spanContext(): SpanContext;
  /**
   * False for noop and unsampled spans: their attributes, events and links are dropped (the
   * SDK still times and counts unsampled spans by name and status, see its span metrics).
   */
  isRecording(): boolean;
  setAttribute(key: string, value: AttributeValue): this;
  setAttributes(attributes: Attributes): this;
  /** Adds a timed event; `timeUnixNano` defaults to now. */
  addEvent(name: string, attributes?: Attributes, timeUnixNano?: bigint): this;
  /** Sets the status; `"unset"` is ignored and `"ok"` is final (OpenTelemetry semantics). */
  setStatus(code: SpanStatusCode, message?: string): this;
  /**
   * Adds an `exception` event with `exception.type`, `exception.message` and
   * `exception.stacktrace` (OpenTelemetry semantic conventions). Does not change the status.
   */
  recordException(error: unknown, attributes?: Attributes): this;
  /** Adds a link to another span after the span started (e.g. a message received later). */
  addLink(link: Link): this;
  /** Renames the span (e.g. once an HTTP route is known). */
  updateName(name: string): this;
  /** Ends the span; `endTimeUnixNano` defaults to now. Later calls are ignored. */
  end(endTimeUnixNano?: bigint): void;
}

/** Creates spans for one instrumentation scope (a library or module). */
export interface Tracer {
  /** Starts a span that is not made active; call `end()` on it. */
  startSpan(name: string, options?: SpanOptions): Span;
  /**
   * Starts a span, runs `fn` with it active, and ends it when `fn` returns or, when `fn`
   * returns a promise, when that promise settles. If `fn` throws or the promise rejects, the
   * exception is recorded, the status set to `"error"`, and the exception rethrown unchanged.
   * Returns what `fn` returns (a promise is returned as a promise settling the same way).
   */
  startActiveSpan<R>(name: string, fn: (span: Span) => R): R;
  startActiveSpan<R>(name: string, options: SpanOptions, fn: (span: Span) => R): R;
}

/**
 * What an SDK implements for tracing. The api chooses the parent (from `options.parent`,
 * `options.references` or the active context) before calling it.
 */
export interface TracerImplementation {
  /**
   * Starts a span under `parent`, or as the root of a new trace when `parent` is undefined or
   * its context is invalid. Must not throw.
   */
  startSpan(
    scope: { name: string; version: string },
    name: string,
    options: SpanOptions,
    parent: Span | undefined,
  ): Span;
  /**
   * Set while a second tracing API shares Sonde's contexts (the OpenTelemetry bridge of
   * @sonde/sdk); the api then keeps both APIs' active spans in step.
   */
  readonly bridge?: SpanBridge | undefined;
}

/**
 * How another tracing API that stores its active span in the same contexts (OpenTelemetry,
 * under its own key) is kept in step: `trace.setSpan` also stores the other API's view of the
 * span, and `trace.getSpan` answers the other API's span when it was set more recently.
 */
export interface SpanBridge {
  /** The context key under which the other API keeps its active span. */
  readonly key: symbol;
  /** The other API's view of `span`; the same object every time for the same span. */
  toForeign(span: Span): unknown;
  /** The Sonde view of a span of the other API; undefined when `value` is not one. */
  fromForeign(value: unknown): Span | undefined;
}
