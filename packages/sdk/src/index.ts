/**
 * @sonde/sdk: the in-process implementation of @sonde/api. Call {@link startSonde} once, early;
 * it records spans and metrics, traces `node:http`, and exports over OTLP/HTTP.
 */
export type { Exporter, ExportResult } from "./export/exporter.js";
export { InMemoryExporter } from "./export/memory.js";
export { OtlpHttpExporter, type OtlpHttpExporterOptions } from "./export/otlp-http.js";
export { HTTP_SCOPE } from "./instrumentation/http.js";
export { setHttpRoute } from "./instrumentation/http-server.js";
export { METRICS_SCOPE } from "./metrics/registry.js";
export { OVERFLOW_ATTRIBUTES } from "./metrics/series-table.js";
export { parseTraceparent, traceContextPropagator } from "./propagation/trace-context.js";
export { type SondeHandle, type SondeOptions, startSonde } from "./start.js";
export { SDK_VERSION } from "./version.js";
