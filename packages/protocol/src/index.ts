export { type CallGraph, type CallGraphEdge, type CallGraphNode, toDot } from "./callgraph.js";
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
  decodeMetricsRequest,
  encodeMetricsRequest,
  metricsRequestFromObject,
} from "./otlp/metrics.js";
export { encodeTraceRequest } from "./otlp/trace-encoder.js";
export { decodeTraceRequest, traceRequestFromObject } from "./otlp/traces.js";
export { OtlpDecodeError } from "./otlp/values.js";
