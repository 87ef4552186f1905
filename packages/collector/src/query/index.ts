export { listColumns } from "./columns.js";
export { type CompiledQuery, compileQuery, HEATMAP_BUCKETS } from "./compile.js";
export { QueryError } from "./errors.js";
export type { JsonScalar } from "./json.js";
export { runMetricQuery } from "./metric-run.js";
export { type MetricQuerySpec, parseMetricQuery } from "./metric-spec.js";
export { runQuery } from "./run.js";
export { DEFAULT_LIMIT, MAX_BUCKETS, parseQuery, type QuerySpec } from "./spec.js";
export { getTrace } from "./trace.js";
