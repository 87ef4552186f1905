import type { Context } from "../context/types.js";

/**
 * One baggage entry (W3C Baggage list-member): a value and, optionally, its properties kept
 * as the opaque text that follows the value in the header (e.g. `"ttl=30;internal"`).
 */
export interface BaggageEntry {
  readonly value: string;
  readonly metadata?: string;
}

/**
 * An immutable set of name → {@link BaggageEntry} pairs carried with a request across services
 * (W3C Baggage). Mutators return a new baggage; none throws. Keys keep their first insertion
 * order. The propagator sends only entries whose key is an RFC 7230 token, within the W3C
 * limits (180 entries, 8192 bytes).
 */
export interface Baggage {
  getEntry(key: string): BaggageEntry | undefined;
  /** Every entry as `[key, entry]`, in insertion order. */
  getAllEntries(): Array<[string, BaggageEntry]>;
  setEntry(key: string, entry: BaggageEntry): Baggage;
  removeEntry(key: string): Baggage;
  /** How many entries there are. */
  readonly size: number;
}

class MapBaggage implements Baggage {
  readonly #entries: ReadonlyMap<string, BaggageEntry>;

  constructor(entries: ReadonlyMap<string, BaggageEntry>) {
    this.#entries = entries;
  }

  get size(): number {
    return this.#entries.size;
  }

  getEntry(key: string): BaggageEntry | undefined {
    return this.#entries.get(key);
  }

  getAllEntries(): Array<[string, BaggageEntry]> {
    return [...this.#entries];
  }

  setEntry(key: string, entry: BaggageEntry): Baggage {
    const entries = new Map(this.#entries);
    entries.set(String(key), toEntry(entry));
    return new MapBaggage(entries);
  }

  removeEntry(key: string): Baggage {
    if (!this.#entries.has(key)) return this;
    const entries = new Map(this.#entries);
    entries.delete(key);
    return new MapBaggage(entries);
  }
}

/** A string is a value without properties; anything else is read as a {@link BaggageEntry}. */
function toEntry(entry: BaggageEntry | string): BaggageEntry {
  if (typeof entry === "string") return { value: entry };
  const value = String(entry?.value ?? "");
  return typeof entry?.metadata === "string" && entry.metadata !== ""
    ? { value, metadata: entry.metadata }
    : { value };
}

// Symbol.for so that every copy of the api finds the same baggage in a context.
const BAGGAGE_KEY = Symbol.for("sonde.context.baggage");

/**
 * A new baggage, e.g. `createBaggage({ tenant: "acme", user: { value: "7", metadata: "pii" } })`.
 * Strings become entries without properties. Never throws.
 */
export function createBaggage(entries: Record<string, BaggageEntry | string> = {}): Baggage {
  const map = new Map<string, BaggageEntry>();
  for (const key of Object.keys(entries)) map.set(key, toEntry(entries[key]));
  return new MapBaggage(map);
}

/** The baggage of `ctx`, or undefined when it has none. */
export function getBaggage(ctx: Context): Baggage | undefined {
  // Duck-typed: baggage set by another copy of the api is another class.
  const value = ctx.getValue(BAGGAGE_KEY) as Baggage | undefined;
  return typeof value?.getAllEntries === "function" ? value : undefined;
}

/** `ctx` with `baggage` as its baggage (replacing any). */
export function setBaggage(ctx: Context, baggage: Baggage): Context {
  return ctx.setValue(BAGGAGE_KEY, baggage);
}

/** `ctx` without baggage. */
export function deleteBaggage(ctx: Context): Context {
  return ctx.deleteValue(BAGGAGE_KEY);
}
