/**
 * Limits that keep one log line bounded, whatever the caller passes: circular, very deep,
 * very wide or very long values are cut and marked (`"[Circular]"`, `"[Object]"`,
 * `"…N more"`, `"…[N chars]"`), throwing getters and proxies become `"[Throws: …]"`.
 */
export interface BoundLimits {
  /** Nesting depth kept below the line's top level (pino's `depthLimit`). Default 6. */
  depth: number;
  /** Keys or items kept per object or array (pino's `edgeLimit`). Default 100. */
  breadth: number;
  /** Characters kept per string. Default 8192. */
  stringLength: number;
  /** Values (objects, arrays, strings, numbers …) kept per line. Default 2000. */
  nodes: number;
}

export const DEFAULT_BOUND_LIMITS: BoundLimits = Object.freeze({
  depth: 6,
  breadth: 100,
  stringLength: 8192,
  nodes: 2000,
});

/** The field marking a line whose fields were cut. */
export const TRUNCATED_FIELD = "sonde_truncated";

function cut(text: string, max: number): string {
  return `${text.slice(0, max)}…[${text.length - max} chars]`;
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unprintable";
  }
}

/** The walk of one line: its limits, node budget, and whether anything was cut. */
class Walk {
  readonly limits: BoundLimits;
  nodes = 0;
  truncated = false;
  readonly #ancestors: object[] = [];

  constructor(limits: BoundLimits) {
    this.limits = limits;
  }

  value(value: unknown, depth: number): unknown {
    if (++this.nodes > this.limits.nodes) return this.#cut("[Truncated]");
    switch (typeof value) {
      case "string":
        return value.length > this.limits.stringLength
          ? this.#cut(cut(value, this.limits.stringLength))
          : value;
      case "number":
        return Number.isFinite(value) ? value : String(value);
      case "boolean":
        return value;
      case "bigint":
        return value.toString();
      case "symbol":
        return value.toString();
      case "function":
        return `[Function ${value.name || "anonymous"}]`;
      case "undefined":
        return undefined;
    }
    if (value === null) return null;
    return this.#object(value as object, depth);
  }

  #cut(marker: string): string {
    this.truncated = true;
    return marker;
  }

  #object(value: object, depth: number): unknown {
    if (this.#ancestors.includes(value)) return this.#cut("[Circular]");
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    }
    if (ArrayBuffer.isView(value)) {
      return `[${value.constructor.name} ${value.byteLength} bytes]`;
    }
    if (depth >= this.limits.depth) {
      return this.#cut(Array.isArray(value) ? "[Array]" : "[Object]");
    }
    this.#ancestors.push(value);
    try {
      if (value instanceof Error) return this.error(value, depth);
      if (Array.isArray(value)) return this.#items(value, depth);
      if (value instanceof Map) return this.#map(value, depth);
      if (value instanceof Set) return this.#items([...value], depth);
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") return this.value(toJSON.call(value), depth);
      return this.#entries(value, Object.keys(value), depth);
    } catch (error) {
      return this.#cut(`[Throws: ${describe(error)}]`);
    } finally {
      this.#ancestors.pop();
    }
  }

  /** An error as `{ type, message, stack, …its own fields, cause }`. */
  error(error: Error, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    out.type = this.#read(error, "name", depth) ?? "Error";
    out.message = this.#read(error, "message", depth);
    out.stack = this.#read(error, "stack", depth);
    for (const key of Object.keys(error)) {
      if (!(key in out)) out[key] = this.#read(error, key, depth);
    }
    if ("cause" in error && !("cause" in out)) out.cause = this.#read(error, "cause", depth);
    return out;
  }

  #read(object: object, key: string, depth: number): unknown {
    try {
      return this.value((object as Record<string, unknown>)[key], depth + 1);
    } catch (error) {
      return this.#cut(`[Throws: ${describe(error)}]`);
    }
  }

  #items(items: readonly unknown[], depth: number): unknown[] {
    const max = Math.min(items.length, this.limits.breadth);
    const out: unknown[] = new Array(max);
    for (let i = 0; i < max; i++) out[i] = this.#read(items, String(i), depth) ?? null;
    if (items.length > max) out.push(this.#cut(`…${items.length - max} more`));
    return out;
  }

  #map(map: Map<unknown, unknown>, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    let count = 0;
    for (const [key, value] of map) {
      if (count++ === this.limits.breadth) break;
      object[String(key)] = value;
    }
    const out = this.#entries(object, Object.keys(object), depth);
    if (map.size > this.limits.breadth) {
      out["…"] = this.#cut(`${map.size - this.limits.breadth} more keys`);
    }
    return out;
  }

  #entries(object: object, keys: readonly string[], depth: number): Record<string, unknown> {
    const max = Math.min(keys.length, this.limits.breadth);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < max; i++) out[keys[i]] = this.#read(object, keys[i], depth);
    if (keys.length > max) out["…"] = this.#cut(`${keys.length - max} more keys`);
    return out;
  }

  /** A line's top-level fields, copied with their values bounded. */
  fields(fields: object): Record<string, unknown> {
    const out = this.#entries(fields, Object.keys(fields), -1);
    if (this.truncated) out[TRUNCATED_FIELD] = true;
    return out;
  }
}

/**
 * `fields` as they can be serialized safely: the object itself when every value is a
 * primitive within the limits (the fast path: one pass over the keys, no allocation), else a
 * bounded copy (see {@link BoundLimits}); `fields` is never modified. An `Error` becomes
 * `{ err: { type, message, stack, … } }`. Throws only what a throwing getter or proxy at the
 * top level throws; callers then use {@link boundFieldsSlowly}.
 *
 * Written for V8's optimizer (Node 20, measured under callgrind with bench/src/logs.ts): each
 * `typeof` compared directly (a `typeof` kept in a variable became a builtin call per value)
 * and `instanceof Error` (`Object.getPrototypeOf` was a runtime call per line).
 */
export function boundFields(fields: object, limits: BoundLimits): object {
  if (fields instanceof Error) return { err: new Walk(limits).error(fields, 0) };
  const maxLength = limits.stringLength;
  let left = limits.breadth;
  for (const key in fields) {
    const value = (fields as Record<string, unknown>)[key];
    if (typeof value === "string") {
      if (value.length > maxLength) return boundFieldsSlowly(fields, limits);
    } else if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
      return boundFieldsSlowly(fields, limits);
    }
    if (--left < 0) return boundFieldsSlowly(fields, limits);
  }
  return fields;
}

/** A bounded copy of `fields` (see {@link boundFields}). Never throws. */
export function boundFieldsSlowly(fields: object, limits: BoundLimits): Record<string, unknown> {
  const walk = new Walk(limits);
  try {
    if (fields instanceof Error) return { err: walk.error(fields, 0) };
    return walk.fields(fields);
  } catch (error) {
    return { [TRUNCATED_FIELD]: true, fields: `[Throws: ${describe(error)}]` };
  }
}
