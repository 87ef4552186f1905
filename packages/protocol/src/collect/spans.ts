import type { Attributes, AttrValue, SpanKind, SpanRecord, StatusCode } from "../model.js";
import type { WireAttribute, WireSpan } from "./messages.js";
import type { StringInterner, StringTable } from "./strings.js";

/**
 * Spans in the collection protocol: collect.proto `Span` → `SpanRecord` (span-encoder.ts writes
 * them), with names, keys and short string values interned in the session's string table, ids
 * as raw bytes, and times as nanosecond offsets from the batch's instant. The attribute
 * encoding here also serves events, logs and errors (signals.ts).
 */

const KINDS: SpanKind[] = ["internal", "internal", "server", "client", "producer", "consumer"];
const STATUSES: StatusCode[] = ["unset", "ok", "error"];
const EMPTY = new Uint8Array(0);

/** Lower-case hex (trace or span id) → bytes; `""` → empty. */
export function hexBytes(hex: string): Uint8Array {
  return hex ? Buffer.from(hex, "hex") : EMPTY;
}

/** Bytes → lower-case hex; none → `""`. */
export function bytesHex(bytes: Uint8Array | null | undefined): string {
  return bytes && bytes.length > 0 ? Buffer.from(bytes).toString("hex") : "";
}

/** Attributes with keys and short strings interned (inline past the table's limits). */
export function encodeAttributes(strings: StringInterner, attributes: Attributes): WireAttribute[] {
  const out: WireAttribute[] = [];
  for (const key in attributes) {
    const value = attributes[key];
    if (value === null || value === undefined) continue;
    const k = strings.intern(key);
    const a: WireAttribute = k >= 0 ? { key: k } : { inlineKey: key };
    if (typeof value === "string") {
      const id = strings.intern(value);
      if (id >= 0) a.stringRef = id;
      else a.stringValue = value;
    } else if (typeof value === "number") {
      if (Number.isSafeInteger(value)) a.intValue = value;
      else a.doubleValue = value;
    } else if (typeof value === "boolean") a.boolValue = value;
    else if (typeof value === "bigint") a.intValue = Number(value);
    else a.jsonValue = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
    out.push(a);
  }
  return out;
}

/** The attributes of {@link encodeAttributes}; throws `StringTableError` on unknown ids. */
export function decodeAttributes(
  strings: StringTable,
  list: WireAttribute[] | null | undefined,
): Attributes {
  const out: Attributes = {};
  for (const a of list ?? []) {
    const key = a.inlineKey || strings.get(a.key ?? 0);
    let value: AttrValue;
    if (a.stringRef != null) value = strings.get(a.stringRef);
    else if (a.stringValue != null) value = a.stringValue;
    else if (a.intValue != null) value = a.intValue;
    else if (a.doubleValue != null) value = a.doubleValue;
    else if (a.boolValue != null) value = a.boolValue;
    else if (a.jsonValue != null) value = JSON.parse(a.jsonValue) as AttrValue;
    else continue;
    out[key] = value;
  }
  return out;
}

/**
 * The span record of a wire span. Throws (`StringTableError`, `SyntaxError` for bad JSON,
 * `RangeError` for a bad kind/status or id length) on input that does not fit; callers fail the
 * stream it came from.
 */
export function decodeSpan(
  wire: WireSpan,
  strings: StringTable,
  batchTimeUnixNano: bigint,
): SpanRecord {
  const traceId = bytesHex(wire.traceId);
  const spanId = bytesHex(wire.spanId);
  if (traceId.length !== 32 || spanId.length !== 16) throw new RangeError("bad span or trace id");
  const kind = KINDS[wire.kind ?? 0];
  const statusCode = STATUSES[wire.statusCode ?? 0];
  if (kind === undefined || statusCode === undefined) throw new RangeError("bad kind or status");
  const start = batchTimeUnixNano + BigInt(wire.startOffsetNs ?? 0);
  return {
    traceId,
    spanId,
    parentSpanId: bytesHex(wire.parentSpanId),
    traceState: wire.inlineTraceState || strings.get(wire.traceState ?? 0),
    name: wire.inlineName || strings.get(wire.name ?? 0),
    kind,
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(wire.durationNs ?? 0),
    statusCode,
    statusMessage: wire.inlineStatusMessage || strings.get(wire.statusMessage ?? 0),
    attributes: decodeAttributes(strings, wire.attributes),
    events: (wire.events ?? []).map((e) => ({
      name: e.inlineName || strings.get(e.name ?? 0),
      timeUnixNano: batchTimeUnixNano + BigInt(e.timeOffsetNs ?? 0),
      attributes: decodeAttributes(strings, e.attributes),
    })),
    links: (wire.links ?? []).map((l) => ({
      traceId: bytesHex(l.traceId),
      spanId: bytesHex(l.spanId),
      attributes: decodeAttributes(strings, l.attributes),
    })),
  };
}
