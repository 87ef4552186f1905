import type { sonde } from "../../generated/collect.cjs";
import type { ErrorRecord, ErrorSource } from "../errors.js";
import type { EventRecord, EventSeverity } from "../events.js";
import type { LogRecord, SeverityText } from "../logs.js";
import type { Attributes } from "../model.js";
import { bytesHex, decodeAttributes, encodeAttributes, hexBytes } from "./spans.js";
import type { StringInterner, StringTable } from "./strings.js";

/**
 * Events, log records and error reports in the collection protocol (collect.proto `Record`):
 * a time, the trace context and attributes, with the record's own properties as attributes
 * under reserved keys starting with `@` (`@name`, `@severity`, `@body`, …), so that one small
 * message type and the session's string table serve all three.
 */
export type WireRecord = sonde.collect.v1.Record.$Properties;

function wire(
  strings: StringInterner,
  identityId: number,
  batchTime: bigint,
  time: bigint,
  traceId: string,
  spanId: string,
  attributes: Attributes,
): WireRecord {
  const r: WireRecord = {
    identityId,
    timeOffsetNs: Number(time - batchTime),
    attributes: encodeAttributes(strings, attributes),
  };
  if (traceId) r.traceId = hexBytes(traceId);
  if (spanId) r.spanId = hexBytes(spanId);
  return r;
}

/** The wire form of an event. Never throws for a well-formed record. */
export function encodeEvent(e: EventRecord, s: StringInterner, id: number, t: bigint): WireRecord {
  return wire(s, id, t, e.timeUnixNano, e.traceId, e.spanId, {
    ...e.fields,
    "@name": e.name,
    "@severity": e.severity,
    "@owner": e.owner,
    "@description": e.declaration?.description ?? "",
  });
}

/** The wire form of a log record. */
export function encodeLog(l: LogRecord, s: StringInterner, id: number, t: bigint): WireRecord {
  return wire(s, id, t, l.timeUnixNano, l.traceId, l.spanId, {
    ...l.attributes,
    "@severity_number": l.severityNumber,
    "@severity_text": l.severityText,
    "@body": l.body,
    "@logger": l.loggerName,
  });
}

/** The wire form of an error report. */
export function encodeError(x: ErrorRecord, s: StringInterner, id: number, t: bigint): WireRecord {
  return wire(s, id, t, x.timeUnixNano, x.traceId, x.spanId, {
    ...x.attributes,
    "@type": x.type,
    "@message": x.message,
    "@template": x.template,
    "@fingerprint": x.fingerprint,
    "@owner": x.owner,
    "@stack": x.stack,
    "@source": x.source,
  });
}

/** A record's time, ids, own properties (the `@` keys, without the `@`) and other attributes. */
function read(r: WireRecord, strings: StringTable, batchTime: bigint) {
  const all = decodeAttributes(strings, r.attributes);
  const own: Record<string, unknown> = {};
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith("@")) own[k.slice(1)] = v;
    else attributes[k] = v;
  }
  const traceId = bytesHex(r.traceId);
  const spanId = bytesHex(r.spanId);
  if ((traceId && traceId.length !== 32) || (spanId && spanId.length !== 16)) {
    throw new RangeError("bad trace or span id in a record");
  }
  return {
    time: batchTime + BigInt(r.timeOffsetNs ?? 0),
    traceId,
    spanId,
    own,
    attributes,
  };
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** The event of a wire record. Throws on unknown string ids or bad ids. */
export function decodeEvent(r: WireRecord, strings: StringTable, t: bigint): EventRecord {
  const { time, traceId, spanId, own, attributes } = read(r, strings, t);
  const fields: EventRecord["fields"] = {};
  for (const [k, v] of Object.entries(attributes)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") fields[k] = v;
  }
  const severity = str(own.severity) as EventSeverity;
  return {
    name: str(own.name),
    timeUnixNano: time,
    severity,
    owner: str(own.owner),
    fields,
    traceId,
    spanId,
    declaration: {
      name: str(own.name),
      description: str(own.description),
      severity,
      owner: str(own.owner),
      fields: {},
    },
  };
}

/** The log record of a wire record. */
export function decodeLog(r: WireRecord, strings: StringTable, t: bigint): LogRecord {
  const { time, traceId, spanId, own, attributes } = read(r, strings, t);
  return {
    timeUnixNano: time,
    severityNumber: typeof own.severity_number === "number" ? own.severity_number : 0,
    severityText: str(own.severity_text) as SeverityText | "",
    body: str(own.body),
    attributes,
    traceId,
    spanId,
    loggerName: str(own.logger),
  };
}

/** The error report of a wire record. */
export function decodeError(r: WireRecord, strings: StringTable, t: bigint): ErrorRecord {
  const { time, traceId, spanId, own, attributes } = read(r, strings, t);
  return {
    timeUnixNano: time,
    type: str(own.type),
    message: str(own.message),
    template: str(own.template),
    fingerprint: str(own.fingerprint),
    owner: str(own.owner),
    stack: str(own.stack),
    traceId,
    spanId,
    source: (str(own.source) || "reported") as ErrorSource,
    attributes,
  };
}
