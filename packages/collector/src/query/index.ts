export { type ColumnInfo, listColumns } from "./columns.js";
export { type CompiledQuery, compileQuery, HEATMAP_BUCKETS } from "./compile.js";
export { QueryError } from "./errors.js";
export type { JsonScalar } from "./json.js";
export {
  type CalculationValue,
  type CalculationValues,
  type Group,
  type HeatmapBucket,
  type HeatmapValue,
  type QueryResult,
  runQuery,
} from "./run.js";
export {
  CALCULATION_OPS,
  type Calculation,
  type CalculationOp,
  calculationKey,
  DEFAULT_LIMIT,
  FILTER_OPS,
  type Filter,
  type FilterOp,
  type FilterScalar,
  MAX_BUCKETS,
  parseQuery,
  type QueryRequest,
  type QuerySpec,
} from "./spec.js";
export { getTrace, type TraceResult, type TraceSpan } from "./trace.js";
