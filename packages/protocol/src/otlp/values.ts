import type { Attributes, AttrValue } from "../model.js";

/** Raised for a request body that is not valid OTLP; `path` names the offending field. */
export class OtlpDecodeError extends Error {
  override readonly name = "OtlpDecodeError";
  constructor(
    /** JSON path of the offending field, e.g. `resourceSpans[0].scopeSpans[1].spans[2].traceId`. */
    readonly path: string,
    /** What is wrong with it. */
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/**
 * Runs `fn`; an OtlpDecodeError from it gets `prefix` put before its path. Paths are built only
 * when something fails: building them eagerly for every field doubled the decode cost.
 */
export function within<T>(prefix: string | number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw prefixed(e, prefix);
  }
}

/** `e` with `prefix` (a field name, or an index for `[i]`) put before its path, if it is ours. */
export function prefixed(e: unknown, prefix: string | number): unknown {
  if (!(e instanceof OtlpDecodeError)) return e;
  const head = typeof prefix === "number" ? `[${prefix}]` : prefix;
  const sep = !e.path || e.path.startsWith("[") ? "" : ".";
  return new OtlpDecodeError(head + sep + e.path, e.detail);
}

interface LongLike {
  low: number;
  high: number;
  unsigned?: boolean;
}

/**
 * An OTLP 64-bit integer as decoded from protobuf (protobufjs `Long` or number) or read from
 * OTLP/JSON (decimal string or number), as a bigint. Missing → 0n. Throws OtlpDecodeError.
 */
export function toBigInt(v: unknown, path: string, unsigned = true): bigint {
  if (v === undefined || v === null) return 0n;
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw new OtlpDecodeError(path, `expected an integer, got ${v}`);
    return BigInt(v);
  }
  if (typeof v === "string") {
    if (!/^-?\d+$/.test(v)) throw new OtlpDecodeError(path, `expected an integer string`);
    return BigInt(v);
  }
  if (typeof v === "object" && typeof (v as LongLike).low === "number") {
    const l = v as LongLike;
    const raw = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return unsigned || l.unsigned ? raw : BigInt.asIntN(64, raw);
  }
  throw new OtlpDecodeError(path, "expected an integer");
}

/** An OTLP count (uint64/fixed64) as a JS number (exact below 2^53). */
export function toCount(v: unknown, path: string): number {
  return Number(toBigInt(v, path));
}

/** An int64 as a number when exactly representable, else a bigint. */
function intValue(v: unknown, path: string): number | bigint {
  const b = toBigInt(v, path, false);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(b)
    : b;
}

/** Optional double: OTLP/JSON may send numbers or the strings "NaN", "Infinity", "-Infinity". */
export function toDouble(v: unknown, path: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  if (v === "NaN") return Number.NaN;
  throw new OtlpDecodeError(path, "expected a number");
}

/** A string field; missing → "". */
export function toStr(v: unknown, path: string): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") throw new OtlpDecodeError(path, "expected a string");
  return v;
}

/**
 * A trace or span id: bytes from protobuf, or lower/upper-case hex from OTLP/JSON (the OTLP/JSON
 * encoding of ids is hex, not base64: OTLP spec, "JSON Protobuf Encoding"). Returns lower-case
 * hex of exactly `bytes` bytes, or "" when absent and `optional`.
 */
export function toId(v: unknown, bytes: number, path: string, optional: boolean): string {
  let hex: string;
  if (v === undefined || v === null) hex = "";
  else if (typeof v === "string") hex = v.toLowerCase();
  else if (v instanceof Uint8Array)
    hex = Buffer.from(v.buffer, v.byteOffset, v.length).toString("hex");
  else throw new OtlpDecodeError(path, "expected an id");
  if (hex === "" && optional) return "";
  if (hex.length !== bytes * 2 || !/^[0-9a-f]+$/.test(hex) || /^0+$/.test(hex)) {
    throw new OtlpDecodeError(path, `expected a non-zero ${bytes}-byte id`);
  }
  return hex;
}

/** OTLP `AnyValue` → Sonde attribute value. Key-value lists become JSON text. */
export function anyValue(v: unknown, path: string): AttrValue {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object") throw new OtlpDecodeError(path, "expected an AnyValue object");
  const a = v as Record<string, unknown>;
  if (a.stringValue !== undefined && a.stringValue !== null) return toStr(a.stringValue, path);
  if (a.boolValue !== undefined && a.boolValue !== null) {
    if (typeof a.boolValue !== "boolean") throw new OtlpDecodeError(path, "expected a boolean");
    return a.boolValue;
  }
  if (a.intValue !== undefined && a.intValue !== null) return intValue(a.intValue, path);
  if (a.doubleValue !== undefined && a.doubleValue !== null) return toDouble(a.doubleValue, path);
  if (a.arrayValue !== undefined && a.arrayValue !== null) {
    const values = (a.arrayValue as { values?: unknown[] }).values ?? [];
    if (!Array.isArray(values)) throw new OtlpDecodeError(path, "expected arrayValue.values");
    return values.map((x, i) =>
      within(`${path}.arrayValue.values`, () => within(i, () => anyValue(x, ""))),
    );
  }
  if (a.kvlistValue !== undefined && a.kvlistValue !== null) {
    const kv = attributes(
      (a.kvlistValue as { values?: unknown }).values,
      `${path}.kvlistValue.values`,
    );
    return JSON.stringify(kv, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  }
  if (a.bytesValue !== undefined && a.bytesValue !== null) {
    const b = a.bytesValue;
    return b instanceof Uint8Array ? Buffer.from(b).toString("base64") : toStr(b, path);
  }
  return null;
}

/** OTLP `repeated KeyValue` → attributes by name. */
export function attributes(list: unknown, path: string): Attributes {
  const out: Attributes = {};
  if (list === undefined || list === null) return out;
  if (!Array.isArray(list)) throw new OtlpDecodeError(path, "expected a list of key/values");
  for (let i = 0; i < list.length; i++) {
    const kv = list[i] as { key?: unknown; value?: unknown } | null;
    try {
      if (!kv || typeof kv !== "object") throw new OtlpDecodeError("", "expected a key/value");
      const key = toStr(kv.key, "key");
      out[key] = anyValue(kv.value, "value");
    } catch (e) {
      throw prefixed(prefixed(e, i), path);
    }
  }
  return out;
}

/** A list field; missing → []. */
export function list(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new OtlpDecodeError(path, "expected a list");
  return v;
}

/** An OTLP enum: protobuf decodes numbers; OTLP/JSON should send numbers but may send names. */
export function toEnum(v: unknown, names: readonly string[], path: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") {
    const i = names.indexOf(v);
    if (i >= 0) return i;
  }
  throw new OtlpDecodeError(path, `unknown enum value ${JSON.stringify(v)}`);
}

/** Sonde attribute value → OTLP `AnyValue` (protobufjs object shape). */
export function toAnyValue(v: AttrValue): Record<string, unknown> {
  if (typeof v === "string") return { stringValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  if (typeof v === "bigint") return { intValue: v.toString() };
  if (typeof v === "number") return Number.isInteger(v) ? { intValue: v } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(toAnyValue) } };
  return {};
}

/** Attributes → OTLP `repeated KeyValue` (protobufjs object shape). */
export function toKeyValues(attrs: Attributes): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const key in attrs) out.push({ key, value: toAnyValue(attrs[key]) });
  return out;
}

/** A decoded or parsed message object. */
export type Obj = Record<string, unknown>;

/** A message field: an object, or `{}` when absent. */
export function obj(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v))
    throw new OtlpDecodeError(path, "expected an object");
  return v as Obj;
}

/** Maps each message of a repeated field with `fn`; an error names the element's index. */
export function each<T>(items: unknown, field: string, fn: (x: Obj) => T): T[] {
  const xs = list(items, field);
  const out: T[] = new Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    try {
      out[i] = fn(obj(xs[i], ""));
    } catch (e) {
      throw prefixed(prefixed(e, i), field);
    }
  }
  return out;
}
