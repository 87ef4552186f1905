/**
 * @sonde/api: declarations and interfaces for metrics and traces, with no dependencies. Every
 * call is a cheap noop until an SDK (such as @sonde/sdk) registers itself; metrics and tracers
 * obtained before that start recording once it does. Nothing here throws into the caller.
 */
export { context } from "./context/api.js";
export { createContextKey, ROOT_CONTEXT } from "./context/context.js";
export type { Context, ContextManager } from "./context/types.js";
export { type DiagEvent, type DiagListener, diag } from "./diag.js";
export { API_VERSION, type SondeImplementation } from "./global.js";
export { metrics } from "./metrics/api.js";
export { DEFAULT_BUCKETS } from "./metrics/declaration.js";
export type {
  BoundCounter,
  BoundDistribution,
  Counter,
  CounterImplementation,
  Distribution,
  DistributionImplementation,
  DistributionOptions,
  MetricDeclaration,
  MetricKind,
  MetricOptions,
  MetricsImplementation,
  NoTags,
  Stability,
  TagArgs,
  TagSchema,
  TagSet,
  TagType,
  TagValue,
  TagValues,
} from "./metrics/types.js";
export { headersGetter, headersSetter, propagation } from "./propagation/api.js";
export type {
  HeadersCarrier,
  TextMapGetter,
  TextMapPropagator,
  TextMapSetter,
} from "./propagation/types.js";
export { registerImplementation, unregisterImplementation } from "./registration.js";
export { trace } from "./trace/api.js";
export {
  INVALID_SPAN_CONTEXT,
  isValidSpanContext,
  NonRecordingSpan,
} from "./trace/non-recording.js";
export type {
  Attributes,
  AttributeValue,
  Link,
  Span,
  SpanContext,
  SpanKind,
  SpanOptions,
  SpanStatusCode,
  Tracer,
  TracerImplementation,
} from "./trace/types.js";
