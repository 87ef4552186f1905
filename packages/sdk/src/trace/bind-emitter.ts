import type { EventEmitter } from "node:events";
import { type Context, context } from "@sonde/api";

/** Marks a bound `emit` with the one it wraps, so binding again replaces instead of nesting. */
const UNBOUND = Symbol("sonde.unbound_emit");

type Emit = ((event: string | symbol, ...args: unknown[]) => boolean) & { [UNBOUND]?: Emit };

/**
 * Makes `emitter` emit with `ctx` active (default: the context active when `bindEmitter` is
 * called), so that every listener, added before or after, runs in `ctx`; returns `emitter`.
 * `AsyncLocalStorage` runs a listener in the context of whoever emits, which for I/O objects is
 * where the connection or stream was created: an `IncomingMessage` emits `data` and `end` from
 * the connection's context, a stream fed by another part of the program runs `pipe`/`pipeline`
 * listeners (and so the downstream transforms) in the producer's. Binding the emitter (or the
 * source stream, before piping it) keeps them in the caller's. Listeners are untouched, so
 * they stay removable as usual. Binding again replaces the context. Never throws.
 *
 * Wrapping `emit` once, rather than each listener, costs one closure per emitter and no
 * bookkeeping per listener (measured on the HTTP server path, where every request binds its
 * request and response).
 *
 * @example
 * await pipeline(bindEmitter(socket), parse, store); // parse and store see this request's span
 */
export function bindEmitter<E extends EventEmitter>(
  emitter: E,
  ctx: Context = context.active(),
): E {
  const target = emitter as unknown as { emit: Emit };
  const emit = target.emit[UNBOUND] ?? target.emit;
  const bound: Emit = function (this: unknown, event, ...args) {
    return context.with(ctx, () => emit.call(this, event, ...args));
  };
  bound[UNBOUND] = emit;
  target.emit = bound;
  return emitter;
}
