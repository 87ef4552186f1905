import type { AttrValue } from "../model.js";

// Values remembered per key, replaced round-robin: a key alternating between a few values
// (methods, status codes) still hits.
const VALUES_PER_KEY = 4;
// Misses in a row after which a key stops being cached (its values keep changing, e.g. a
// `url.path` holding ids): caching it would copy its bytes out for nothing.
const MISS_LIMIT = 16;
// Keys remembered at most; further keys are encoded every time.
const MAX_KEYS = 1024;
// Longer encodings are not kept (rarely repeated; bounds the cache to ~1 MiB).
const MAX_BYTES = 256;

interface Entry {
  values: AttrValue[];
  bytes: Uint8Array[];
  next: number;
  misses: number;
}

/**
 * Encoded `KeyValue` messages (opentelemetry-proto common/v1), length prefix included, of
 * recently seen attributes, by key. Telemetry repeats keys and values from span to span (a
 * server span's method, scheme, address, port, protocol version, user agent, status code), and
 * copying the bytes encoded last time for the same key and value is cheaper than encoding both
 * strings again: measured on Node 20, 512-span batches of HTTP server spans (9 attributes)
 * encoded in 0.68–0.75× the time. Only strings, numbers and booleans are cached (compared with
 * `===`: a cached value cannot change). Never throws.
 */
export class KeyValueCache {
  readonly #entries = new Map<string, Entry>();

  /** The cached bytes of `key` = `value`, or undefined. */
  get(key: string, value: AttrValue): Uint8Array | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const values = entry.values;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === value) {
        entry.misses = 0;
        return entry.bytes[i];
      }
    }
    return undefined;
  }

  /** Remembers that `key` = `value` encodes as `buf[start, end)` (a copy is kept). */
  put(key: string, value: AttrValue, buf: Uint8Array, start: number, end: number): void {
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean") return;
    if (end - start > MAX_BYTES) return;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      if (this.#entries.size >= MAX_KEYS) return;
      entry = { values: [], bytes: [], next: 0, misses: 0 };
      this.#entries.set(key, entry);
    } else if (++entry.misses > MISS_LIMIT) {
      if (entry.values.length > 0) {
        entry.values = [];
        entry.bytes = [];
      }
      return;
    }
    const bytes = new Uint8Array(end - start);
    for (let i = 0; i < bytes.length; i++) bytes[i] = buf[start + i];
    if (entry.values.length < VALUES_PER_KEY) {
      entry.values.push(value);
      entry.bytes.push(bytes);
    } else {
      entry.values[entry.next] = value;
      entry.bytes[entry.next] = bytes;
      entry.next = (entry.next + 1) % VALUES_PER_KEY;
    }
  }
}
