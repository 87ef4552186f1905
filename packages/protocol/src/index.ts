export {
  type CallGraph,
  type CallGraphEdge,
  type CallGraphNode,
  type ServiceEdge,
  toDot,
} from "./callgraph.js";
export type { ErrorRecord, ErrorSource } from "./errors.js";
export type {
  EventDeclarationRecord,
  EventFieldType,
  EventFieldValue,
  EventRecord,
  EventSeverity,
} from "./events.js";
export type { LogRecord, SeverityText } from "./logs.js";
export type {
  Attributes,
  AttrValue,
  ExemplarRecord,
  ExponentialBuckets,
  MetricPointKind,
  MetricPointRecord,
  ResourceRecord,
  ResourceSpansRecord,
  SpanEventRecord,
  SpanKind,
  SpanLinkRecord,
  SpanRecord,
  StatusCode,
} from "./model.js";
export {
  decodeLogsRequest,
  encodeLogsRequest,
  logsRequestFromObject,
  type ResourceLogsRecord,
  type SignalsRecord,
} from "./otlp/logs.js";
export {
  decodeMetricsRequest,
  encodeMetricsRequest,
  metricsRequestFromObject,
} from "./otlp/metrics.js";
export { encodeTraceRequest } from "./otlp/trace-encoder.js";
export { decodeTraceRequest, traceRequestFromObject } from "./otlp/traces.js";
export { OtlpDecodeError } from "./otlp/values.js";
