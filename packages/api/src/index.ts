/**
 * @sonde/api: declarations and interfaces for metrics, traces, events, logs and error reports,
 * with no dependencies. Every call is a cheap noop until an SDK (such as @sonde/sdk) registers
 * itself (loggers: until the application configures logging); metrics, events, tracers and
 * loggers obtained before that start recording once it does. Nothing here throws into the
 * caller.
 */
export { context } from "./context/api.js";
export { createContextKey, ROOT_CONTEXT } from "./context/context.js";
export type { Context, ContextManager } from "./context/types.js";
export { type DiagEvent, type DiagListener, diag } from "./diag.js";
export { errors } from "./errors/api.js";
export type {
  ErrorsImplementation,
  Owned,
  Problem,
  ReportOptions,
} from "./errors/types.js";
export { events } from "./events/api.js";
export {
  type EventDeclaration,
  type EventImplementation,
  type EventOptions,
  type EventSeverity,
  type EventsImplementation,
  type FieldArgs,
  type FieldSchema,
  type FieldType,
  type FieldValue,
  type FieldValues,
  MAX_FIELD_LENGTH,
  type SondeEvent,
} from "./events/types.js";
export { API_VERSION, type SondeImplementation } from "./global.js";
export { logs, registerLogging, unregisterLogging } from "./logs/api.js";
export type {
  LogBindings,
  Logger,
  LoggingBackend,
  LogLevel,
  LogMethod,
} from "./logs/types.js";
export { MAX_TAG_VALUE_LENGTH } from "./metrics/allowed-values.js";
export { metrics } from "./metrics/api.js";
export {
  DEFAULT_BUCKETS,
  DEFAULT_MAX_BUCKETS,
  MAX_EXPONENTIAL_SCALE,
  MIN_EXPONENTIAL_SCALE,
} from "./metrics/bucketer.js";
export { MAX_STRING_VALUE_LENGTH } from "./metrics/declaration.js";
export type {
  AllowedValue,
  AllowedValues,
  BoundCounter,
  BoundDistribution,
  BoundGauge,
  Bucketer,
  BucketerOptions,
  Constant,
  ConstantOptions,
  ConstantValue,
  Counter,
  CounterImplementation,
  Distribution,
  DistributionImplementation,
  DistributionOptions,
  EnumLike,
  Gauge,
  GaugeDelta,
  GaugeImplementation,
  GaugeOptions,
  GaugeValue,
  MetricDeclaration,
  MetricKind,
  MetricOptions,
  MetricsImplementation,
  NoTags,
  SourceLocation,
  Stability,
  TagArgs,
  TagSchema,
  TagSet,
  TagSpec,
  TagType,
  TagValue,
  TagValueOf,
  TagValues,
  ValueType,
} from "./metrics/types.js";
export { propagation } from "./propagation/api.js";
export type { Baggage, BaggageEntry } from "./propagation/baggage.js";
export {
  type FetchHeaders,
  fetchHeadersGetter,
  fetchHeadersSetter,
  headersGetter,
  headersSetter,
  mapGetter,
  mapSetter,
} from "./propagation/carriers.js";
export type {
  HeadersCarrier,
  TextMapGetter,
  TextMapPropagator,
  TextMapSetter,
} from "./propagation/types.js";
export { registerImplementation, unregisterImplementation } from "./registration.js";
export { trace } from "./trace/api.js";
export {
  FUNCTION_SCOPE,
  MAX_ERROR_NAMES,
  MAX_TRACED_FUNCTIONS,
  type TraceOptions,
  tracedFunctionNames,
} from "./trace/function.js";
export {
  INVALID_SPAN_CONTEXT,
  isValidSpanContext,
  NonRecordingSpan,
} from "./trace/non-recording.js";
export type {
  Attributes,
  AttributeValue,
  Link,
  Reference,
  ReferenceType,
  Span,
  SpanBridge,
  SpanContext,
  SpanKind,
  SpanOptions,
  SpanStatusCode,
  Tracer,
  TracerImplementation,
} from "./trace/types.js";
