import type { ResourceSpansRecord, SpanKind, SpanRecord, StatusCode } from "../model.js";
import { ExportTraceServiceRequest } from "./generated.js";
import {
  attributes,
  each,
  type Obj,
  OtlpDecodeError,
  obj,
  toBigInt,
  toEnum,
  toId,
  toStr,
  within,
} from "./values.js";

// OTLP trace/v1 enum names by number.
const KIND_NAMES = [
  "SPAN_KIND_UNSPECIFIED",
  "SPAN_KIND_INTERNAL",
  "SPAN_KIND_SERVER",
  "SPAN_KIND_CLIENT",
  "SPAN_KIND_PRODUCER",
  "SPAN_KIND_CONSUMER",
] as const;
const KINDS: SpanKind[] = ["internal", "internal", "server", "client", "producer", "consumer"];
const STATUS_NAMES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"] as const;
const STATUSES: StatusCode[] = ["unset", "ok", "error"];

function span(s: Obj): SpanRecord {
  const kind = toEnum(s.kind, KIND_NAMES, "kind");
  const status = obj(s.status, "status");
  const code = within("status", () => toEnum(status.code, STATUS_NAMES, "code"));
  if (kind >= KINDS.length) throw new OtlpDecodeError("kind", `unknown span kind ${kind}`);
  if (code >= STATUSES.length) throw new OtlpDecodeError("status.code", `unknown code ${code}`);
  const start = toBigInt(s.startTimeUnixNano, "startTimeUnixNano");
  const end = toBigInt(s.endTimeUnixNano, "endTimeUnixNano");
  return {
    traceId: toId(s.traceId, 16, "traceId", false),
    spanId: toId(s.spanId, 8, "spanId", false),
    parentSpanId: toId(s.parentSpanId, 8, "parentSpanId", true),
    traceState: toStr(s.traceState, "traceState"),
    name: toStr(s.name, "name"),
    kind: KINDS[kind],
    startTimeUnixNano: start,
    endTimeUnixNano: end < start ? start : end,
    statusCode: STATUSES[code],
    statusMessage: toStr(status.message, "status.message"),
    attributes: attributes(s.attributes, "attributes"),
    events: each(s.events, "events", (ev) => ({
      name: toStr(ev.name, "name"),
      timeUnixNano: toBigInt(ev.timeUnixNano, "timeUnixNano"),
      attributes: attributes(ev.attributes, "attributes"),
    })),
    links: each(s.links, "links", (link) => ({
      traceId: toId(link.traceId, 16, "traceId", false),
      spanId: toId(link.spanId, 8, "spanId", false),
      attributes: attributes(link.attributes, "attributes"),
    })),
  };
}

/**
 * Maps an `ExportTraceServiceRequest`, either as decoded by protobufjs or as parsed OTLP/JSON
 * (lowerCamelCase fields, hex ids, integer or named enums, int64 as string or number), to Sonde
 * records: one entry per (resource, scope). Throws OtlpDecodeError naming the bad field.
 */
export function traceRequestFromObject(request: unknown): ResourceSpansRecord[] {
  const req = obj(request, "");
  return each(req.resourceSpans, "resourceSpans", (rs) => {
    const resource = {
      attributes: within("resource", () =>
        attributes(obj(rs.resource, "").attributes, "attributes"),
      ),
    };
    return each(rs.scopeSpans, "scopeSpans", (ss) => {
      const scope = obj(ss.scope, "scope");
      return {
        resource,
        scope: {
          name: toStr(scope.name, "scope.name"),
          version: toStr(scope.version, "scope.version"),
        },
        spans: each(ss.spans, "spans", span),
      };
    });
  }).flat();
}

/**
 * Decodes an OTLP/HTTP protobuf trace export body (`POST /v1/traces`,
 * `application/x-protobuf`). Throws OtlpDecodeError on malformed input.
 */
export function decodeTraceRequest(body: Uint8Array): ResourceSpansRecord[] {
  let decoded: unknown;
  try {
    decoded = ExportTraceServiceRequest.decode(body);
  } catch (e) {
    throw new OtlpDecodeError("", `invalid protobuf: ${(e as Error).message}`);
  }
  return traceRequestFromObject(decoded);
}
