import type { MetricDeclaration, TagSet, TagType } from "@sonde/api";
import { diag } from "@sonde/api";
import type { Attributes } from "@sonde/protocol";

/** The attributes of the series that absorbs tag sets beyond a metric's series limit. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ "sonde.overflow": true });

function matches(type: TagType, value: unknown): boolean {
  if (type === "string") return typeof value === "string";
  if (type === "int") return Number.isSafeInteger(value);
  return typeof value === "boolean";
}

type Entry<T> = { attributes: Attributes; value: T };

/**
 * The series of one metric, found by tag values, with a limit on how many exist: tag sets
 * beyond `maxSeries` share one overflow series (reported as `series_limit`).
 *
 * Series live in a tree of Maps, one level per declared tag, keyed by the tag values
 * themselves. Measured on Node 20 (2 tags): a string key built per call made `add` ~220 ns,
 * mostly hashing the fresh string; value-keyed Maps reuse the caller's string hashes (~70 ns).
 */
export class SeriesTable<T> {
  readonly #metric: string;
  readonly #names: readonly string[];
  readonly #types: readonly TagType[];
  readonly #create: (attributes: Attributes) => T;
  readonly #maxSeries: number;
  readonly #root = new Map<unknown, unknown>();
  readonly #all: Entry<T>[] = [];
  #overflow: Entry<T> | undefined;

  constructor(
    declaration: MetricDeclaration,
    create: (attributes: Attributes) => T,
    maxSeries: number,
  ) {
    this.#metric = declaration.name;
    this.#names = Object.keys(declaration.tags);
    this.#types = Object.values(declaration.tags);
    this.#create = create;
    this.#maxSeries = maxSeries;
  }

  /** The series for `tags`, created on first use; undefined (reported) when tags are invalid. */
  get(tags: TagSet | undefined): T | undefined {
    if (!this.#valid(tags)) {
      diag.report({
        code: "invalid_tags",
        message: `metric ${this.#metric}: tags ${safeJson(tags)} do not match the declared tags ${safeJson(Object.fromEntries(this.#names.map((name, i) => [name, this.#types[i]])))}; dropped`,
        key: this.#metric,
      });
      return undefined;
    }
    const values = tags ?? {};
    let node: Map<unknown, unknown> | undefined = this.#root;
    for (let i = 0; i < this.#names.length && node !== undefined; i++) {
      node = node.get(values[this.#names[i]]) as Map<unknown, unknown> | undefined;
    }
    const found = this.#names.length === 0 ? this.#all[0] : (node as Entry<T> | undefined);
    if (found !== undefined) return found.value;
    return this.#all.length < this.#maxSeries ? this.#add(values) : this.#overflowSeries();
  }

  /** Every series with its attributes, in creation order, the overflow series last. */
  *entries(): IterableIterator<Entry<T>> {
    yield* this.#all;
    if (this.#overflow !== undefined) yield this.#overflow;
  }

  /** True when `tags` has exactly the declared tags, each of its declared type. */
  #valid(tags: TagSet | undefined): boolean {
    if (tags === undefined || tags === null) return this.#names.length === 0;
    if (typeof tags !== "object") return false;
    for (let i = 0; i < this.#names.length; i++) {
      if (!matches(this.#types[i], tags[this.#names[i]])) return false;
    }
    let count = 0;
    for (const _ in tags) count++;
    return count === this.#names.length;
  }

  #add(tags: TagSet): T {
    const attributes: Attributes = {};
    for (const name of this.#names) attributes[name] = tags[name];
    const entry: Entry<T> = { attributes, value: this.#create(attributes) };
    this.#all.push(entry);
    let node = this.#root;
    const last = this.#names.length - 1;
    for (let i = 0; i < last; i++) {
      const value = tags[this.#names[i]];
      let next = node.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    if (last >= 0) node.set(tags[this.#names[last]], entry);
    return entry.value;
  }

  #overflowSeries(): T {
    diag.report({
      code: "series_limit",
      message: `metric ${this.#metric} reached ${this.#maxSeries} series; further tag sets are counted in the series tagged sonde.overflow=true`,
      key: this.#metric,
    });
    this.#overflow ??= {
      attributes: OVERFLOW_ATTRIBUTES,
      value: this.#create(OVERFLOW_ATTRIBUTES),
    };
    return this.#overflow.value;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
