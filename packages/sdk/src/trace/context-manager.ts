import { AsyncLocalStorage } from "node:async_hooks";
import { type Context, type ContextManager, createContextKey, ROOT_CONTEXT } from "@sonde/api";

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

/** A context in which no spans are recorded (used for the exporter's own requests). */
export function suppressTracing(context: Context): Context {
  return context.setValue(SUPPRESS_TRACING, true);
}

/** True inside {@link suppressTracing}. */
export function isTracingSuppressed(context: Context): boolean {
  return context.getValue(SUPPRESS_TRACING) === true;
}
