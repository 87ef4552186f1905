import type { ErrorRecord, ErrorSource } from "../errors.js";
import type { EventRecord, EventSeverity } from "../events.js";
import type { LogRecord, SeverityText } from "../logs.js";
import type { Attributes } from "../model.js";
import { ExportLogsServiceRequest } from "./generated.js";
import {
  anyValue,
  attributes,
  each,
  OtlpDecodeError,
  obj,
  toBigInt,
  toCount,
  toId,
  toKeyValues,
  toStr,
  within,
} from "./values.js";

/** Log records, events and errors of one resource, from an OTLP logs export. */
export interface ResourceLogsRecord {
  resource: Attributes;
  logs: LogRecord[];
  /** Log records that carry an `event.name` attribute (OpenTelemetry semantic conventions). */
  events: EventRecord[];
  /** Log records that carry `exception.type` or `exception.message` (semantic conventions). */
  errors: ErrorRecord[];
}

const SOURCES = new Set<ErrorSource>([
  "uncaught_exception",
  "unhandled_rejection",
  "span",
  "reported",
  "problem",
]);

/** A stable 16-hex-digit id of a text (FNV-1a, 64 bit). */
function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

function errorRecord(
  attrs: Attributes,
  time: bigint,
  traceId: string,
  spanId: string,
  body: string,
): ErrorRecord {
  const {
    "exception.type": type,
    "exception.message": message,
    "exception.stacktrace": stack,
    "sonde.error.fingerprint": fingerprint,
    "sonde.error.template": template,
    "sonde.error.owner": owner,
    "sonde.error.source": source,
    ...rest
  } = attrs;
  const t = typeof type === "string" ? type : "Error";
  const m = typeof message === "string" ? message : body;
  const tpl = typeof template === "string" ? template : m;
  return {
    timeUnixNano: time,
    type: t,
    message: m,
    template: tpl,
    fingerprint: typeof fingerprint === "string" ? fingerprint : fnv64(`${t}\n${tpl}`),
    owner: typeof owner === "string" ? owner : "",
    stack: typeof stack === "string" ? stack : "",
    traceId,
    spanId,
    source: SOURCES.has(source as ErrorSource) ? (source as ErrorSource) : "reported",
    attributes: rest,
  };
}

const TEXTS: SeverityText[] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

/** An OTLP `SeverityNumber`: a number, or in OTLP/JSON also its enum name (`SEVERITY_NUMBER_WARN2`). */
function severityNumberOf(v: unknown): number {
  if (typeof v === "string") {
    const m = /^SEVERITY_NUMBER_(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)([234]?)$/.exec(v);
    if (m) return TEXTS.indexOf(m[1] as SeverityText) * 4 + 1 + (m[2] ? Number(m[2]) - 1 : 0);
    if (v === "SEVERITY_NUMBER_UNSPECIFIED") return 0;
  }
  const n = toCount(v ?? 0, "severityNumber");
  if (n > 24) throw new OtlpDecodeError("severityNumber", `unknown severity number ${n}`);
  return n;
}

/** `SeverityText` of an OTLP `SeverityNumber` (1–4 TRACE, …, 21–24 FATAL). */
function severityText(n: number): SeverityText | "" {
  return n >= 1 && n <= 24 ? TEXTS[Math.floor((n - 1) / 4)] : "";
}

/** An event severity from an OTLP severity number (logs data model ranges). */
function eventSeverity(n: number): EventSeverity {
  if (n >= 21) return "critical";
  if (n >= 17) return "error";
  if (n >= 13) return "warn";
  if (n >= 10) return "notice";
  if (n >= 9) return "info";
  return n >= 1 ? "debug" : "info";
}

function bodyText(v: unknown): string {
  if (v === null || v === undefined) return "";
  const value = anyValue(v, "body");
  if (value === null) return "";
  return typeof value === "string"
    ? value
    : JSON.stringify(value, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
}

/**
 * Maps an `ExportLogsServiceRequest` (OTLP logs/v1), decoded by protobufjs or parsed from
 * OTLP/JSON, to Sonde log records; records with an `event.name` attribute become events (their
 * other attributes the fields). Throws OtlpDecodeError naming the bad field.
 */
export function logsRequestFromObject(request: unknown): ResourceLogsRecord[] {
  const req = obj(request, "");
  return each(req.resourceLogs, "resourceLogs", (rl) => {
    const resource = within("resource", () =>
      attributes(obj(rl.resource, "").attributes, "attributes"),
    );
    const out: ResourceLogsRecord = { resource, logs: [], events: [], errors: [] };
    each(rl.scopeLogs, "scopeLogs", (sl) => {
      const scope = toStr(obj(sl.scope, "scope").name, "scope.name");
      each(sl.logRecords, "logRecords", (r) => {
        const time =
          toBigInt(r.timeUnixNano, "timeUnixNano") ||
          toBigInt(r.observedTimeUnixNano, "observedTimeUnixNano");
        const severityNumber = severityNumberOf(r.severityNumber);
        const attrs = attributes(r.attributes, "attributes");
        const traceId = toId(r.traceId, 16, "traceId", true);
        const spanId = toId(r.spanId, 8, "spanId", true);
        if ("exception.type" in attrs || "exception.message" in attrs) {
          out.errors.push(errorRecord(attrs, time, traceId, spanId, bodyText(r.body)));
          return;
        }
        const eventName = attrs["event.name"] ?? r.eventName;
        if (typeof eventName === "string" && eventName !== "") {
          const { "event.name": _, "sonde.event.owner": owner, ...fields } = attrs;
          const flat: Record<string, string | number | boolean> = {};
          for (const [k, v] of Object.entries(fields)) {
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
              flat[k] = v;
            else if (typeof v === "bigint") flat[k] = Number(v);
            else if (v !== null) flat[k] = JSON.stringify(v);
          }
          out.events.push({
            name: eventName,
            timeUnixNano: time,
            severity: eventSeverity(severityNumber),
            owner: typeof owner === "string" ? owner : "",
            fields: flat,
            traceId,
            spanId,
            declaration: {
              name: eventName,
              description: bodyText(r.body),
              severity: eventSeverity(severityNumber),
              owner: "",
              fields: {},
            },
          });
          return;
        }
        out.logs.push({
          timeUnixNano: time,
          severityNumber,
          severityText:
            (toStr(r.severityText, "severityText").toUpperCase() as SeverityText) ||
            severityText(severityNumber),
          body: bodyText(r.body),
          attributes: (({ "sonde.logger": _, ...rest }) => rest)(attrs),
          traceId,
          spanId,
          loggerName: typeof attrs["sonde.logger"] === "string" ? attrs["sonde.logger"] : scope,
        });
      });
    });
    return out;
  });
}

/** Decodes an OTLP/HTTP protobuf logs body (`POST /v1/logs`). Throws OtlpDecodeError. */
export function decodeLogsRequest(body: Uint8Array): ResourceLogsRecord[] {
  let decoded: unknown;
  try {
    decoded = ExportLogsServiceRequest.decode(body);
  } catch (e) {
    throw new OtlpDecodeError("", `invalid protobuf: ${(e as Error).message}`);
  }
  return logsRequestFromObject(decoded);
}

/** Events, logs and errors of one process, to export as OTLP log records. */
export interface SignalsRecord {
  resource: Attributes;
  events?: EventRecord[];
  logs?: LogRecord[];
  errors?: ErrorRecord[];
}

const EVENT_SEVERITY: Record<EventSeverity, number> = {
  debug: 5,
  info: 9,
  notice: 10,
  warn: 13,
  error: 17,
  critical: 21,
};

const ids = (traceId: string, spanId: string) => ({
  traceId: traceId ? Buffer.from(traceId, "hex") : undefined,
  spanId: spanId ? Buffer.from(spanId, "hex") : undefined,
});

/**
 * Encodes events, log records and errors as an OTLP logs export body (`POST /v1/logs`,
 * protobuf). Events are log records with an `event.name` attribute and their fields as
 * attributes (OpenTelemetry semantic conventions, "Events"); errors are ERROR records with
 * `exception.type`, `exception.message` and `exception.stacktrace` (semantic conventions,
 * "Exceptions") plus `sonde.error.fingerprint`, `sonde.error.template`, `sonde.error.owner` and
 * `sonde.error.source`, which {@link logsRequestFromObject} maps back. Never throws for
 * well-formed records.
 */
export function encodeLogsRequest(batches: SignalsRecord[]): Uint8Array {
  const resourceLogs = batches.map((b) => {
    const records: Record<string, unknown>[] = [];
    for (const e of b.events ?? []) {
      records.push({
        timeUnixNano: e.timeUnixNano.toString(),
        severityNumber: EVENT_SEVERITY[e.severity] ?? 9,
        severityText: e.severity.toUpperCase(),
        body: { stringValue: e.declaration?.description ?? "" },
        attributes: toKeyValues({
          "event.name": e.name,
          "sonde.event.owner": e.owner,
          ...e.fields,
        }),
        ...ids(e.traceId, e.spanId),
      });
    }
    for (const l of b.logs ?? []) {
      records.push({
        timeUnixNano: l.timeUnixNano.toString(),
        severityNumber: l.severityNumber,
        severityText: l.severityText,
        body: { stringValue: l.body },
        attributes: toKeyValues({ ...l.attributes, "sonde.logger": l.loggerName }),
        ...ids(l.traceId, l.spanId),
      });
    }
    for (const x of b.errors ?? []) {
      records.push({
        timeUnixNano: x.timeUnixNano.toString(),
        severityNumber: 17,
        severityText: "ERROR",
        body: { stringValue: x.message },
        attributes: toKeyValues({
          ...x.attributes,
          "exception.type": x.type,
          "exception.message": x.message,
          "exception.stacktrace": x.stack,
          "sonde.error.fingerprint": x.fingerprint,
          "sonde.error.template": x.template,
          "sonde.error.owner": x.owner,
          "sonde.error.source": x.source,
        }),
        ...ids(x.traceId, x.spanId),
      });
    }
    return {
      resource: { attributes: toKeyValues(b.resource) },
      scopeLogs: [{ scope: { name: "sonde" }, logRecords: records }],
    };
  });
  return ExportLogsServiceRequest.encode({ resourceLogs }).finish();
}
