/**
 * The session's string table (collect.proto `Define.strings`): span names, attribute keys and
 * low-cardinality values are sent once and then referred to by id.
 */

/**
 * Client side: assigns ids (from 1; 0 means "no string") and remembers which strings the
 * collector has not been sent yet.
 */
export class StringInterner {
  private readonly ids = new Map<string, number>();
  private pending: string[] = [];
  private firstPending = 1;

  /**
   * @param capacity Most strings the table holds; later strings are sent inline.
   * @param maxLength Longer strings are sent inline (they are rarely repeated).
   */
  constructor(
    readonly capacity = 65_536,
    readonly maxLength = 256,
  ) {}

  /** The id of `s`, adding it if there is room; `-1` when it must be sent inline. */
  intern(s: string): number {
    const id = this.ids.get(s);
    if (id !== undefined) return id;
    if (this.ids.size >= this.capacity || s.length > this.maxLength) return -1;
    const next = this.ids.size + 1;
    this.ids.set(s, next);
    this.pending.push(s);
    return next;
  }

  /** Strings added since the last call, with the id of the first one; empties the list. */
  takeNew(): { first: number; strings: string[] } {
    const out = { first: this.firstPending, strings: this.pending };
    this.firstPending = this.ids.size + 1;
    this.pending = [];
    return out;
  }

  /** Every string in id order, from id 1 (for the Define that starts a connection). */
  all(): string[] {
    return [...this.ids.keys()];
  }
}

/** A string id the table does not have, or a Define out of order. */
export class StringTableError extends Error {
  override name = "StringTableError";
}

/** Collector side: the strings a session defined (index 0 is the empty string). */
export class StringTable {
  private readonly strings: string[] = [""];

  /**
   * Adds strings with ids `first`, `first + 1`, …; ids already known must repeat the same
   * string (a Define resent after a reconnect). Throws {@link StringTableError} on a gap or a
   * conflicting redefinition.
   */
  define(first: number, strings: readonly string[]): void {
    if (strings.length === 0) return;
    if (first < 1 || first > this.strings.length) {
      throw new StringTableError(`strings from id ${first} but only ${this.strings.length} known`);
    }
    for (let i = 0; i < strings.length; i++) {
      const id = first + i;
      if (id < this.strings.length) {
        if (this.strings[id] !== strings[i]) throw new StringTableError(`string ${id} redefined`);
      } else this.strings.push(strings[i]);
    }
  }

  /** The string with `id`; throws {@link StringTableError} when undefined. */
  get(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new StringTableError(`undefined string id ${id}`);
    return s;
  }
}
