import type { TextMapGetter } from "@sonde/api";

// Reading an incoming request's headers from `rawHeaders` ([name, value, name, value, …] as
// received) instead of `request.headers`: Node builds that object lazily, on first access, for
// all headers, which cost more than the span itself on a minimal server (CPU profile of the
// HTTP overhead benchmark). Names are compared case-insensitively, length first.

function matches(name: string, key: string): boolean {
  if (name.length !== key.length) return false;
  if (name === key) return true;
  // ASCII letter by letter: `toLowerCase` made a string per header of the same length
  // (measured). `key` is lower-case, so only A-Z in `name` need folding.
  for (let i = 0; i < key.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== key.charCodeAt(i)) return false;
  }
  return true;
}

/** The first value of header `key` (lower-case), as `request.headers` keeps for `host`. */
export function firstRawHeader(raw: readonly string[], key: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (matches(raw[i], key)) return raw[i + 1];
  return undefined;
}

/**
 * Reads header `key` (lower-case) from `rawHeaders`; several values are joined with `", "`,
 * as `request.headers` joins them for the headers propagation reads.
 */
export const rawHeadersGetter: TextMapGetter<readonly string[]> = {
  get(raw, key) {
    let value: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      if (matches(raw[i], key))
        value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
    }
    return value;
  },
  keys(raw) {
    const keys = new Set<string>();
    for (let i = 0; i < raw.length; i += 2) keys.add(raw[i].toLowerCase());
    return [...keys];
  },
};
