import { type Context, context } from "@sonde/api";

/**
 * Returns a function that calls `fn` (same arguments, `this` and result) with `ctx` active,
 * `ctx` being by default the context active when `bindContext` is called. Use it when a
 * callback is stored now and called later from somewhere else, where `AsyncLocalStorage` would
 * give it the context of the caller instead: jobs handed to a worker pool or a queue drained
 * by a loop, callbacks kept by a connection pool or a batching library.
 * Never throws itself; exceptions from `fn` propagate unchanged.
 *
 * @example
 * pool.submit(bindContext(async () => charge(order))); // charge runs in this request's span
 */
export function bindContext<A extends unknown[], R, T = unknown>(
  fn: (this: T, ...args: A) => R,
  ctx: Context = context.active(),
): (this: T, ...args: A) => R {
  return function (this: T, ...args: A): R {
    return context.with(ctx, () => fn.apply(this, args));
  };
}
