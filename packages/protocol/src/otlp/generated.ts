import { createRequire } from "node:module";

/**
 * The OTLP protobuf types (opentelemetry-proto v1: common, resource, trace, metrics, logs and the
 * collector service requests), as generated with protobufjs by the OpenTelemetry JS maintainers
 * and shipped in `@opentelemetry/otlp-transformer@0.214.0`. That release is pinned exactly: it is
 * the last one that ships all three signals' generated code (later releases replace it with
 * hand-written serializers and no decoders). We use it to decode and encode; we never parse
 * protobuf by hand.
 */
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: generated protobufjs module without useful types
const root: any = require("@opentelemetry/otlp-transformer/build/src/generated/root.js");

/** A protobufjs message type: `encode(obj).finish()` and `decode(bytes)`. */
export interface MessageType {
  encode(message: unknown): { finish(): Uint8Array };
  // biome-ignore lint/suspicious/noExplicitAny: decoded messages are walked by hand in the mappers
  decode(bytes: Uint8Array): any;
}

const proto = root.opentelemetry.proto;

export const ExportTraceServiceRequest: MessageType =
  proto.collector.trace.v1.ExportTraceServiceRequest;
export const ExportMetricsServiceRequest: MessageType =
  proto.collector.metrics.v1.ExportMetricsServiceRequest;
export const ExportLogsServiceRequest: MessageType =
  proto.collector.logs.v1.ExportLogsServiceRequest;
