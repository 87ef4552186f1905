/**
 * An immutable set of values carried along a unit of work (the active span, propagated
 * fields, ...). Setting a value returns a new context.
 */
export interface Context {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): Context;
  deleteValue(key: symbol): Context;
}

/**
 * Keeps track of the active context. The SDK provides one backed by `AsyncLocalStorage`; the
 * noop one always answers the root context. Implementations never throw (exceptions thrown
 * by `fn` propagate to the caller unchanged).
 */
export interface ContextManager {
  active(): Context;
  with<R>(context: Context, fn: () => R): R;
}
