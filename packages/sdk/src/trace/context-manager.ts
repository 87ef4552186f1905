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

// The context managers created and not disabled, oldest first.
const enabled: AsyncLocalStorageContextManager[] = [];
// Counts every manager's `with()` entries and exits (see `contextSwitches`).
let switches = 0;

/**
 * The active context kept in an `AsyncLocalStorage`: it follows `await`, timers, promise
 * callbacks and event-emitter callbacks registered inside `with()`.
 */
export class AsyncLocalStorageContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();

  constructor() {
    enabled.push(this);
  }

  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }

  /**
   * The context `with()` made active for the running code, or undefined outside every
   * `with()` (then `active()` answers the root context). One `AsyncLocalStorage` read.
   */
  stored(): Context | undefined {
    return this.#storage.getStore();
  }

  with<R>(context: Context, fn: () => R): R {
    switches++;
    try {
      return this.#storage.run(context, fn);
    } finally {
      switches++;
    }
  }

  /** Stops tracking; `active()` answers the root context afterwards. */
  disable(): void {
    this.#storage.disable();
    const index = enabled.indexOf(this);
    if (index !== -1) enabled.splice(index, 1);
  }
}

/**
 * The newest {@link AsyncLocalStorageContextManager} not disabled, or undefined: normally the
 * one `startSonde` created and registered, as it creates one per start and disables it at
 * shutdown (also when another SDK was installed already). Whether it is the registered one
 * is for the caller to check: its `stored()` is then the api's active context (see
 * `logs/correlation.ts`). Never throws.
 */
export function newestContextManager(): AsyncLocalStorageContextManager | undefined {
  return enabled[enabled.length - 1];
}

/**
 * A count that changes whenever a manager's `with()` starts or ends. Within one async callback
 * (one `executionAsyncId()` of node:async_hooks, exact for promise callbacks too once a
 * manager's `AsyncLocalStorage` ran, as it turns promise tracking on) the stored context
 * changes only then: a context read once can be reused while both the callback and this count
 * stay the same, for a typed-array read and a few comparisons instead of an
 * `AsyncLocalStorage` read (~150 instructions on Node 20: `executionAsyncResource()` and two
 * keyed loads; see `logs/correlation.ts`). Never throws.
 */
export function contextSwitches(): number {
  return switches;
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
