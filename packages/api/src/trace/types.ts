/** A span or event attribute value (OpenTelemetry `AttributeValue`). */
export type AttributeValue =
  | string
  | number
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
  /** False for noop and unsampled spans: their setters do nothing. */
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

/** What an SDK implements for tracing; the api resolves parents before calling it. */
export interface TracerImplementation {
  /** Starts a span under `parent` (a valid context) or as a new trace root (`undefined`). */
  startSpan(
    scope: { name: string; version: string },
    name: string,
    options: SpanOptions,
    parent: SpanContext | undefined,
  ): Span;
}
