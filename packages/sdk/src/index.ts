/**
 * @sonde/sdk: the in-process implementation of @sonde/api. Call {@link startSonde} once, early;
 * it records spans and metrics, traces the web layer (`node:http`, `fetch`, Express and
 * Fastify routes), propagates W3C Trace Context and Baggage, and exports over OTLP/HTTP.
 */

export { toDot } from "@sonde/protocol";
export type { CallGraph, CallGraphEdge, CallGraphNode } from "./callgraph/call-graph.js";
export { callGraphSvg } from "./callgraph/svg.js";
export { CollectClient, type CollectClientOptions } from "./collect/client.js";
export { CollectSession, type EncodedBatch } from "./collect/session.js";
export { bindContext } from "./context/bind.js";
export type { BuildInfo } from "./defaults/build.js";
export {
  type CaptureErrorsOptions,
  captureErrors,
  ErrorCapture,
} from "./errors/capture.js";
export { culprit, fingerprint, frameKey } from "./errors/fingerprint.js";
export { OwnershipRules } from "./errors/owners.js";
export { parseStack, relativePath, type StackFrame } from "./errors/stack.js";
export { messageTemplate } from "./errors/template.js";
export { BoundedQueue } from "./events/queue.js";
export { DEFAULT_EVENT_QUEUE_SIZE, EventRecorder } from "./events/recorder.js";
export type { Exporter, ExportResult } from "./export/exporter.js";
export { InMemoryExporter } from "./export/memory.js";
export {
  METRICS_SCOPE,
  type MetricTarget,
  metricMetadata,
  OVERFLOW_ATTRIBUTES,
  toMetricPoints,
  VALUE_ATTRIBUTE,
} from "./export/metric-exporter.js";
export {
  OtlpHttpExporter,
  type OtlpHttpExporterOptions,
  otlpUrls,
} from "./export/otlp-http.js";
export { type PrometheusSource, prometheusHandler } from "./export/prometheus/handler.js";
export {
  type PrometheusServer,
  type ServePrometheusOptions,
  servePrometheus,
} from "./export/prometheus/server.js";
export { type ExpositionFormat, serializeMetrics } from "./export/prometheus/writer.js";
export { HTTP_SCOPE } from "./instrumentation/http.js";
export { setHttpRoute } from "./instrumentation/http-server.js";
export { FETCH_SCOPE } from "./instrumentation/instrument.js";
export {
  type BoundLimits,
  boundFields,
  DEFAULT_BOUND_LIMITS,
  TRUNCATED_FIELD,
} from "./logs/bound.js";
export { configureLogging, type LoggingHandle, type LoggingOptions } from "./logs/configure.js";
export { FileDestination, type LineSink } from "./logs/destination.js";
export { toLogRecords } from "./logs/records.js";
export type {
  DistributionSnapshot,
  ExemplarSnapshot,
  MetricReader,
  MetricSnapshot,
  SeriesSnapshot,
} from "./metrics/read.js";
export {
  DEFAULT_MAX_SERIES,
  MetricRegistry,
  type MetricRegistryOptions,
} from "./metrics/registry.js";
export {
  CLAMP_REASONS,
  type ClampReason,
  DROP_REASONS,
  type DropReason,
} from "./metrics/self-metrics.js";
export {
  type MetricsRecorder,
  metricsRecorder,
  type RecordedDistribution,
  type RecordedTags,
} from "./metrics/testing.js";
export type { OpenTelemetryApi } from "./otel/api.js";
export {
  BAGGAGE_LIMITS,
  baggagePropagator,
  parseBaggage,
  serializeBaggage,
} from "./propagation/baggage.js";
export { compositePropagator, w3cPropagator } from "./propagation/composite.js";
export { parseTraceparent, traceContextPropagator } from "./propagation/trace-context.js";
export { normalizeTracestate } from "./propagation/tracestate.js";
export { type ParentBasedOptions, parentBasedSampler } from "./sampling/parent-based.js";
export { rateLimitingSampler } from "./sampling/rate-limiting.js";
export { alwaysOffSampler, alwaysOnSampler, type Sampler } from "./sampling/sampler.js";
export { traceIdRatioSampler } from "./sampling/trace-id-ratio.js";
export { type SondeHandle, type SondeOptions, startSonde } from "./start.js";
export { bindEmitter } from "./trace/bind-emitter.js";
export { REFERENCE_TYPE_ATTRIBUTE } from "./trace/span.js";
export {
  MAX_SPAN_NAMES,
  OTHER_NAME,
  SPAN_DURATION_METRIC,
} from "./trace/span-stats.js";
export {
  CodeUsage,
  type CodeUsageEntry,
  type CodeUsageQuery,
  type CodeUsageReportEntry,
} from "./usage/code-usage.js";
export { SDK_VERSION } from "./version.js";
