import type { Context, ContextManager } from "./types.js";

class MapContext implements Context {
  readonly #values: ReadonlyMap<symbol, unknown>;

  constructor(values: ReadonlyMap<symbol, unknown>) {
    this.#values = values;
  }

  getValue(key: symbol): unknown {
    return this.#values.get(key);
  }

  setValue(key: symbol, value: unknown): Context {
    const values = new Map(this.#values);
    values.set(key, value);
    return new MapContext(values);
  }

  deleteValue(key: symbol): Context {
    if (!this.#values.has(key)) return this;
    const values = new Map(this.#values);
    values.delete(key);
    return new MapContext(values);
  }
}

/** The empty context: the active context when nothing else is. */
export const ROOT_CONTEXT: Context = new MapContext(new Map());

/**
 * A new, unique key for a context value. `description` only labels it for debugging.
 * Example: `const TENANT = createContextKey("tenant")`.
 */
export function createContextKey(description: string): symbol {
  return Symbol(description);
}

/** @internal The context manager used until an SDK registers one. */
export const NOOP_CONTEXT_MANAGER: ContextManager = {
  active: () => ROOT_CONTEXT,
  with: (_context, fn) => fn(),
};
