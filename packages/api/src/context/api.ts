import { sondeGlobal } from "../global.js";
import { NOOP_CONTEXT_MANAGER } from "./context.js";
import type { Context, ContextManager } from "./types.js";

function manager(): ContextManager {
  return sondeGlobal.implementation?.contextManager ?? NOOP_CONTEXT_MANAGER;
}

/**
 * The active context, and running code under another one.
 *
 * - `active()` returns the current context (the root context before an SDK is installed).
 * - `with(context, fn)` runs `fn` with `context` active (across `await`, timers and callbacks
 *   started inside it, once the SDK is installed) and returns what `fn` returns; exceptions
 *   from `fn` propagate unchanged.
 */
export const context = {
  active(): Context {
    return manager().active();
  },
  with<R>(ctx: Context, fn: () => R): R {
    return manager().with(ctx, fn);
  },
} as const;
