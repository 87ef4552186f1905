import type { HeadersCarrier, TextMapGetter, TextMapSetter } from "./types.js";

/**
 * Reads a plain headers object such as Node's `IncomingHttpHeaders` or a message's properties
 * object: the key is looked up as given (lower-case), numbers become strings, values that are
 * neither strings nor arrays of strings are ignored.
 */
export const headersGetter: TextMapGetter<HeadersCarrier> = {
  get(carrier, key) {
    const value = carrier?.[key];
    if (typeof value === "string") return value;
    if (typeof value === "number") return String(value);
    return Array.isArray(value) && value.every((item) => typeof item === "string")
      ? value
      : undefined;
  },
  keys(carrier) {
    return carrier === null || typeof carrier !== "object" ? [] : Object.keys(carrier);
  },
};

/** Writes into a plain headers object (replacing an existing value of the same key). */
export const headersSetter: TextMapSetter<HeadersCarrier> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

/**
 * The part of a WHATWG `Headers` object (fetch, undici) that propagation uses. Header names are
 * case-insensitive there; multiple values come back joined with `", "`.
 */
export interface FetchHeaders {
  get(name: string): string | null;
  set(name: string, value: string): void;
  keys(): Iterable<string>;
}

/** Reads a WHATWG `Headers` object, e.g. `propagation.extract(request.headers, fetchHeadersGetter)`. */
export const fetchHeadersGetter: TextMapGetter<FetchHeaders> = {
  get(carrier, key) {
    return carrier.get(key) ?? undefined;
  },
  keys(carrier) {
    return [...carrier.keys()];
  },
};

/** Writes into a WHATWG `Headers` object, e.g. before `fetch(url, { headers })`. */
export const fetchHeadersSetter: TextMapSetter<FetchHeaders> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};

/**
 * Reads a `Map` of message properties (a queue message's attributes, for example). Values that
 * are not strings are ignored.
 */
export const mapGetter: TextMapGetter<ReadonlyMap<string, unknown>> = {
  get(carrier, key) {
    const value = carrier.get(key);
    return typeof value === "string" ? value : undefined;
  },
  keys(carrier) {
    return [...carrier.keys()];
  },
};

/** Writes into a `Map` of message properties. */
export const mapSetter: TextMapSetter<Map<string, unknown>> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};
