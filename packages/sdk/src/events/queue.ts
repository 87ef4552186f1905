import { diag } from "@sonde/api";

/**
 * A bounded first-in first-out queue between a hot path and an exporter: `push` is an array
 * push (or, when full, a counted drop of the newest item: the earlier context is kept), and
 * exporters `take` batches. Used for events, log lines and error records. Never throws.
 */
export class BoundedQueue<T> {
  /** Items held at most. */
  readonly capacity: number;
  /** Items dropped because the queue was full, since it was created. */
  dropped = 0;
  readonly #name: string;
  #items: T[] = [];

  /** `name` labels the `queue_full` diagnostic, e.g. `"events"`. */
  constructor(name: string, capacity: number) {
    this.#name = name;
    this.capacity = capacity;
  }

  /** Items waiting. */
  get size(): number {
    return this.#items.length;
  }

  /** Adds `item`; returns false (counted, reported once as `queue_full`) when full. */
  push(item: T): boolean {
    if (this.#items.length < this.capacity) {
      this.#items.push(item);
      return true;
    }
    this.dropped++;
    diag.report({
      code: "queue_full",
      message: `the ${this.#name} export queue is full (${this.capacity}); newer items are dropped and counted`,
      key: this.#name,
    });
    return false;
  }

  /** Removes and returns up to `max` of the oldest items (all by default), oldest first. */
  take(max = Number.POSITIVE_INFINITY): T[] {
    if (max >= this.#items.length) {
      const all = this.#items;
      this.#items = [];
      return all;
    }
    return this.#items.splice(0, Math.max(0, Math.floor(max)));
  }
}
