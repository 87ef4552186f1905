import type { Attributes, AttrValue } from "@sonde/protocol";

/** Attributes split by type for the `attr_str` / `attr_num` / `attr_bool` map columns. */
export interface TypedAttributes {
  str: { key: string; value: string }[];
  num: { key: string; value: number }[];
  bool: { key: string; value: boolean }[];
}

const jsonText = (v: AttrValue) =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

/**
 * Merges resource and span attributes (the span's win) and splits them by type. Integers and
 * doubles both go to `num` (bigints beyond 2^53 are rounded there and kept exactly as text in
 * `str`); arrays are JSON text in `str`; nulls are dropped.
 */
export function splitAttributes(resource: Attributes, own: Attributes): TypedAttributes {
  const merged = { ...resource, ...own };
  const out: TypedAttributes = { str: [], num: [], bool: [] };
  for (const key in merged) {
    const v = merged[key];
    if (typeof v === "string") out.str.push({ key, value: v });
    else if (typeof v === "number") out.num.push({ key, value: v });
    else if (typeof v === "boolean") out.bool.push({ key, value: v });
    else if (typeof v === "bigint") {
      out.num.push({ key, value: Number(v) });
      out.str.push({ key, value: v.toString() });
    } else if (Array.isArray(v)) out.str.push({ key, value: jsonText(v) });
  }
  return out;
}

/** JSON text with bigints as decimal strings. */
export function toJsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
}
