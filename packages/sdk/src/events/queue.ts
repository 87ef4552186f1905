import { diag } from "@sonde/api";

// Slots of a new ring (or of the capacity, if smaller); it doubles when full, up to the
// capacity, and returns to this size when a `take` empties it.
const INITIAL_SLOTS = 1024;

/**
 * A bounded first-in first-out queue between a hot path and an exporter: `push` stores into a
 * ring (or, when full, drops the newest item and counts it: the earlier context is kept), and
 * exporters `take` batches. Used for events, log lines and error records. Never throws.
 *
 * A ring rather than a growing array per batch: on Node 20 `Array.prototype.push` onto each
 * batch's fresh array was a builtin call per item (its elements kind changes on the first
 * push, and it grows by copying), ~130 instructions, against ~50 for the ring's store and
 * bookkeeping (bench/src/logs.ts under callgrind). Taking everything, as exporters do once
 * per batch, hands the ring over instead of copying it.
 */
export class BoundedQueue<T> {
  /** Items held at most. */
  readonly capacity: number;
  /** Items dropped because the queue was full, since it was created. */
  dropped = 0;
  readonly #name: string;
  // Items waiting are at #head, #head + 1, … (wrapping around), #size of them; free slots
  // are holes or undefined, so that taken items are not kept alive.
  #ring: (T | undefined)[];
  #head = 0;
  #size = 0;

  /** `name` labels the `queue_full` diagnostic, e.g. `"events"`. */
  constructor(name: string, capacity: number) {
    this.#name = name;
    this.capacity = capacity;
    this.#ring = emptyRing(Math.min(capacity, INITIAL_SLOTS));
  }

  /** Items waiting. */
  get size(): number {
    return this.#size;
  }

  /** Adds `item`; returns false (counted, reported once as `queue_full`) when full. */
  push(item: T): boolean {
    const ring = this.#ring;
    const size = this.#size;
    if (size === ring.length) return this.#pushGrowing(item);
    let at = this.#head + size;
    if (at >= ring.length) at -= ring.length;
    ring[at] = item;
    this.#size = size + 1;
    return true;
  }

  /**
   * Removes and returns up to `max` of the oldest items (all by default), oldest first; a
   * `max` that is not a positive number takes none. Taking everything from a ring that has
   * not wrapped hands the ring itself over (cut to its items) and starts a new one.
   */
  take(max = Number.POSITIVE_INFINITY): T[] {
    const size = this.#size;
    const ring = this.#ring;
    if (size === 0) return [];
    if (max >= size && this.#head === 0) {
      this.#ring = emptyRing(Math.min(this.capacity, INITIAL_SLOTS));
      this.#size = 0;
      ring.length = size;
      return ring as T[];
    }
    const count = max >= size ? size : max > 0 ? Math.floor(max) : 0;
    const items = new Array<T>(count);
    let at = this.#head;
    for (let i = 0; i < count; i++) {
      items[i] = ring[at] as T;
      ring[at] = undefined;
      if (++at === ring.length) at = 0;
    }
    this.#head = at;
    this.#size = size - count;
    if (this.#size === 0) {
      this.#head = 0;
      if (ring.length > INITIAL_SLOTS) this.#ring = emptyRing(INITIAL_SLOTS);
    }
    return items;
  }

  /** `push` into a full ring: doubles it (items copied in order), or drops when at capacity. */
  #pushGrowing(item: T): boolean {
    const ring = this.#ring;
    if (ring.length >= this.capacity) {
      this.dropped++;
      diag.report({
        code: "queue_full",
        message: `the ${this.#name} export queue is full (${this.capacity}); newer items are dropped and counted`,
        key: this.#name,
      });
      return false;
    }
    const grown = emptyRing<T>(Math.min(this.capacity, ring.length * 2));
    for (let i = 0; i < ring.length; i++) {
      const at = this.#head + i;
      grown[i] = ring[at < ring.length ? at : at - ring.length];
    }
    grown[ring.length] = item;
    this.#ring = grown;
    this.#head = 0;
    this.#size = ring.length + 1;
    return true;
  }
}

// Holes rather than filled with undefined: filling cost ~20 instructions per item taken.
function emptyRing<T>(slots: number): (T | undefined)[] {
  return new Array<T | undefined>(slots);
}
