import { AsyncLocalStorage } from "node:async_hooks";
import {
  type Context,
  type ContextManager,
  createContextKey,
  NonRecordingSpan,
  ROOT_CONTEXT,
  type Span,
  trace,
} from "@sonde/api";

/**
 * The active context kept in an `AsyncLocalStorage`: it follows `await`, timers, promise
 * callbacks and event-emitter callbacks registered inside `with()`.
 */
export class AsyncLocalStorageContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }

  with<R>(context: Context, fn: () => R): R {
    return this.#storage.run(context, fn);
  }

  /** Stops tracking; `active()` answers the root context afterwards. */
  disable(): void {
    this.#storage.disable();
  }
}

const SUPPRESS_TRACING = createContextKey("sonde.suppress_tracing");

// The active span of a suppressed context: spans started under it are noops, found without
// a context lookup because the tracer is handed the parent anyway.
const SUPPRESSION_SPAN: Span = new NonRecordingSpan();

/**
 * A context in which no spans are recorded (used for the exporter's own requests): its active
 * span is a marker under which the SDK starts only noop spans, unless a span is given as
 * parent explicitly.
 */
export function suppressTracing(context: Context): Context {
  return trace.setSpan(context.setValue(SUPPRESS_TRACING, true), SUPPRESSION_SPAN);
}

/** True inside {@link suppressTracing}. */
export function isTracingSuppressed(context: Context): boolean {
  return context.getValue(SUPPRESS_TRACING) === true;
}

/** True for the active span of a {@link suppressTracing} context. */
export function isSuppressionSpan(span: Span): boolean {
  return span === SUPPRESSION_SPAN;
}
