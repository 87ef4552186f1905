import type { ResourceSpansRecord, SpanKind, SpanRecord, StatusCode } from "../model.js";
import { ExportTraceServiceRequest } from "./generated.js";
import {
  attributes,
  list,
  OtlpDecodeError,
  toBigInt,
  toEnum,
  toId,
  toKeyValues,
  toStr,
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

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) throw new OtlpDecodeError(path, "expected an object");
  return v as Obj;
}

function span(s: Obj, p: string): SpanRecord {
  const kind = toEnum(s.kind, KIND_NAMES, `${p}.kind`);
  const status = obj(s.status, `${p}.status`);
  const code = toEnum(status.code, STATUS_NAMES, `${p}.status.code`);
  if (kind >= KINDS.length) throw new OtlpDecodeError(`${p}.kind`, `unknown span kind ${kind}`);
  if (code >= STATUSES.length) throw new OtlpDecodeError(`${p}.status.code`, `unknown code ${code}`);
  const start = toBigInt(s.startTimeUnixNano, `${p}.startTimeUnixNano`);
  const end = toBigInt(s.endTimeUnixNano, `${p}.endTimeUnixNano`);
  return {
    traceId: toId(s.traceId, 16, `${p}.traceId`, false),
    spanId: toId(s.spanId, 8, `${p}.spanId`, false),
    parentSpanId: toId(s.parentSpanId, 8, `${p}.parentSpanId`, true),
    traceState: toStr(s.traceState, `${p}.traceState`),
    name: toStr(s.name, `${p}.name`),
    kind: KINDS[kind],
    startTimeUnixNano: start,
    endTimeUnixNano: end < start ? start : end,
    statusCode: STATUSES[code],
    statusMessage: toStr(status.message, `${p}.status.message`),
    attributes: attributes(s.attributes, `${p}.attributes`),
    events: list(s.events, `${p}.events`).map((e, i) => {
      const ev = obj(e, `${p}.events[${i}]`);
      return {
        name: toStr(ev.name, `${p}.events[${i}].name`),
        timeUnixNano: toBigInt(ev.timeUnixNano, `${p}.events[${i}].timeUnixNano`),
        attributes: attributes(ev.attributes, `${p}.events[${i}].attributes`),
      };
    }),
    links: list(s.links, `${p}.links`).map((l, i) => {
      const link = obj(l, `${p}.links[${i}]`);
      return {
        traceId: toId(link.traceId, 16, `${p}.links[${i}].traceId`, false),
        spanId: toId(link.spanId, 8, `${p}.links[${i}].spanId`, false),
        attributes: attributes(link.attributes, `${p}.links[${i}].attributes`),
      };
    }),
  };
}

/**
 * Maps an `ExportTraceServiceRequest`, either as decoded by protobufjs or as parsed OTLP/JSON
 * (lowerCamelCase fields, hex ids, integer or named enums, int64 as string or number), to Sonde
 * records: one entry per (resource, scope). Throws OtlpDecodeError naming the bad field.
 */
export function traceRequestFromObject(request: unknown): ResourceSpansRecord[] {
  const out: ResourceSpansRecord[] = [];
  const req = obj(request, "");
  list(req.resourceSpans, "resourceSpans").forEach((r, ri) => {
    const rp = `resourceSpans[${ri}]`;
    const rs = obj(r, rp);
    const resource = { attributes: attributes(obj(rs.resource, `${rp}.resource`).attributes, `${rp}.resource.attributes`) };
    list(rs.scopeSpans, `${rp}.scopeSpans`).forEach((s, si) => {
      const sp = `${rp}.scopeSpans[${si}]`;
      const ss = obj(s, sp);
      const scope = obj(ss.scope, `${sp}.scope`);
      out.push({
        resource,
        scope: { name: toStr(scope.name, `${sp}.scope.name`), version: toStr(scope.version, `${sp}.scope.version`) },
        spans: list(ss.spans, `${sp}.spans`).map((x, i) => span(obj(x, `${sp}.spans[${i}]`), `${sp}.spans[${i}]`)),
      });
    });
  });
  return out;
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

const hexBytes = (hex: string) => Buffer.from(hex, "hex");

/**
 * Encodes spans as an OTLP/HTTP protobuf `ExportTraceServiceRequest` body. Never throws for
 * well-typed input.
 */
export function encodeTraceRequest(batches: ResourceSpansRecord[]): Uint8Array {
  return ExportTraceServiceRequest.encode({
    resourceSpans: batches.map((b) => ({
      resource: { attributes: toKeyValues(b.resource.attributes) },
      scopeSpans: [
        {
          scope: { name: b.scope.name, version: b.scope.version },
          spans: b.spans.map((s) => ({
            traceId: hexBytes(s.traceId),
            spanId: hexBytes(s.spanId),
            parentSpanId: s.parentSpanId ? hexBytes(s.parentSpanId) : undefined,
            traceState: s.traceState || undefined,
            name: s.name,
            kind: KINDS.indexOf(s.kind, 1),
            startTimeUnixNano: s.startTimeUnixNano.toString(),
            endTimeUnixNano: s.endTimeUnixNano.toString(),
            attributes: toKeyValues(s.attributes),
            events: s.events.map((e) => ({
              name: e.name,
              timeUnixNano: e.timeUnixNano.toString(),
              attributes: toKeyValues(e.attributes),
            })),
            links: s.links.map((l) => ({
              traceId: hexBytes(l.traceId),
              spanId: hexBytes(l.spanId),
              attributes: toKeyValues(l.attributes),
            })),
            status: { code: STATUSES.indexOf(s.statusCode), message: s.statusMessage || undefined },
          })),
        },
      ],
    })),
  }).finish();
}
