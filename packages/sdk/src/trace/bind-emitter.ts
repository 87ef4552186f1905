import type { EventEmitter } from "node:events";
import { type Context, context } from "@sonde/api";

type Listener = (...args: unknown[]) => unknown;
const ADDERS = ["on", "addListener", "once", "prependListener", "prependOnceListener"] as const;
const REMOVERS = ["off", "removeListener"] as const;

/**
 * Makes every listener later added to `emitter` run with `ctx` active. Node emits the events of
 * an `IncomingMessage` (`data`, `end`) from the connection's async context, not from the context
 * the listener was added in, so without this a request handler that reads its body would lose
 * its server span. Listeners stay removable by the function that was added. Never throws.
 */
export function bindEmitter(emitter: EventEmitter, ctx: Context): void {
  const wrapped = new WeakMap<Listener, Listener>();
  const wrap = (listener: Listener): Listener => {
    if (typeof listener !== "function") return listener;
    let bound = wrapped.get(listener);
    if (bound === undefined) {
      bound = function (this: unknown, ...args: unknown[]) {
        return context.with(ctx, () => listener.apply(this, args));
      };
      wrapped.set(listener, bound);
    }
    return bound;
  };
  const target = emitter as unknown as Record<
    string,
    (event: string | symbol, l: Listener) => unknown
  >;
  for (const name of ADDERS) {
    const add = target[name];
    target[name] = function (this: unknown, event, listener) {
      return add.call(this, event, wrap(listener));
    };
  }
  for (const name of REMOVERS) {
    const remove = target[name];
    target[name] = function (this: unknown, event, listener) {
      return remove.call(this, event, wrapped.get(listener) ?? listener);
    };
  }
}
