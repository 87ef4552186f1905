import type { Attributes, AttrValue } from "@sonde/protocol";

/** Attributes split by type, each as JSON object text for the staging tables. */
export interface TypedAttributesJson {
  str: string;
  num: string;
  bool: string;
}

const jsonText = (v: AttrValue) =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

/**
 * Merges resource and span attributes (the span's win) and splits them by type into JSON
 * objects for the `attr_str` / `attr_num` / `attr_bool` map columns. Integers and doubles both
 * go to `num` (bigints beyond 2^53 are rounded there and kept exactly as text in `str`); arrays
 * are JSON text in `str`; nulls are dropped.
 */
export function splitAttributes(resource: Attributes, own: Attributes): TypedAttributesJson {
  const merged = { ...resource, ...own };
  const str: Record<string, string> = {};
  const num: Record<string, number> = {};
  const bool: Record<string, boolean> = {};
  for (const key in merged) {
    const v = merged[key];
    if (typeof v === "string") str[key] = v;
    else if (typeof v === "number") num[key] = v;
    else if (typeof v === "boolean") bool[key] = v;
    else if (typeof v === "bigint") {
      num[key] = Number(v);
      str[key] = v.toString();
    } else if (Array.isArray(v)) str[key] = jsonText(v);
  }
  return { str: JSON.stringify(str), num: JSON.stringify(num), bool: JSON.stringify(bool) };
}

/** JSON text with bigints as decimal strings. */
export function toJsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
}
