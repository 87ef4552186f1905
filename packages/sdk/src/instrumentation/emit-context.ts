import { type Context, context } from "@sonde/api";

const EMIT_CONTEXT = Symbol("sonde.emit_context");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Carrier = { [EMIT_CONTEXT]?: Context };

/**
 * Makes `target` emit its events with `ctx` active, once its prototype is patched by
 * {@link patchEmitContext}. The HTTP server uses it for every request and response: Node
 * emits their events (`data`, `end`, `finish`, `close`) from the connection's context.
 */
export function setEmitContext(target: object, ctx: Context): void {
  (target as Carrier)[EMIT_CONTEXT] = ctx;
}

type Listeners = { _events?: Record<string | symbol, unknown> };

/** False only when `target` is a Node `EventEmitter` known to have no `event` listener. */
function mayHaveListeners(target: unknown, event: string | symbol): boolean {
  const events = (target as Listeners)._events;
  return typeof events !== "object" || events === null || events[event] !== undefined;
}

/**
 * Wraps `prototype.emit` so that objects given a context by {@link setEmitContext} emit in it;
 * others are untouched. One patch per class instead of a wrapper per object: measured on the
 * HTTP server path, where per-object `emit` wrappers cost a closure and an own property on
 * every request and response. Events nobody listens to (most of a response's: `prefinish`,
 * `close`, …) are emitted without looking up the context. `onClose`, when given, is called on
 * the `close` event of an object with a context (with the object and the context), before its
 * listeners: the HTTP server ends its span on the response's `close` this way, without a
 * listener per response. Returns a function that undoes the patch.
 */
export function patchEmitContext(
  prototype: object,
  onClose?: (target: object, ctx: Context) => void,
): () => void {
  const target = prototype as { emit: Emit };
  const hadOwn = Object.hasOwn(prototype, "emit");
  const original = target.emit;
  let enabled = true;
  // Arguments are forwarded with `apply(this, arguments)`, and by arity into a context switch:
  // measured on the HTTP server path (~8 emits a request), rest parameters and spreading them
  // back cost an array and a spread call per emit.
  const patched: Emit = function (this: unknown, event, a, b) {
    if (enabled) {
      if (event === "close" && onClose !== undefined) {
        const ctx = (this as Carrier)[EMIT_CONTEXT];
        if (ctx !== undefined) onClose(this as object, ctx);
      }
      const ctx = mayHaveListeners(this, event) ? (this as Carrier)[EMIT_CONTEXT] : undefined;
      if (ctx !== undefined && context.active() !== ctx) {
        // biome-ignore lint/complexity/noArguments: the exact arity, without an array per emit
        const arity = arguments.length;
        if (arity === 1) return context.with(ctx, () => original.call(this, event));
        if (arity === 2) return context.with(ctx, () => original.call(this, event, a));
        if (arity === 3) return context.with(ctx, () => original.call(this, event, a, b));
        // biome-ignore lint/complexity/noArguments: rare (request and response events have < 3)
        const rest: unknown[] = Array.prototype.slice.call(arguments, 1);
        return context.with(ctx, () => original.call(this, event, ...rest));
      }
    }
    // biome-ignore lint/complexity/noArguments: forwards them as given, without copying them
    return original.apply(this, arguments as unknown as Parameters<Emit>);
  };
  target.emit = patched;
  return () => {
    enabled = false;
    // Restore only if nobody wrapped our wrapper since; otherwise it stays, disabled.
    if (target.emit !== patched) return;
    if (hadOwn) target.emit = original;
    else delete (prototype as Partial<typeof target>).emit;
  };
}
