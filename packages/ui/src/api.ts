/**
 * Client for the collector's query API (same origin). Shapes follow the "Query model" section
 * of DESIGN.md. Every call rejects with {@link ApiError} when the server answers non-2xx (its
 * `error` message is kept) or the network fails; a cancelled call rejects with the AbortError.
 */

/** Column types as reported by `GET /api/columns`. */
export type ColumnType = "string" | "number" | "bool" | "timestamp";

/** One queryable column: a span column or an attribute name. */
export interface Column {
  name: string;
  type: ColumnType;
}

/** Calculation operators of `POST /api/query`. */
export const CALC_OPS = [
  "COUNT",
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "P50",
  "P90",
  "P95",
  "P99",
  "HEATMAP",
] as const;
export type CalcOp = (typeof CALC_OPS)[number];

/** A calculation; `column` is absent for COUNT. */
export interface Calculation {
  op: CalcOp;
  column?: string;
}

/** Filter operators of `POST /api/query`. */
export const FILTER_OPS = [
  "=",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "exists",
  "not-exists",
  "contains",
  "in",
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** A scalar value as stored in a span column or attribute. */
export type Scalar = string | number | boolean;

/** A filter; `value` is absent for `exists`/`not-exists` and an array for `in`. */
export interface Filter {
  column: string;
  op: FilterOp;
  value?: Scalar | Scalar[];
}

/** Absolute ISO-8601 bounds, or the last `last` seconds before now. */
export type TimeRange = { start: string; end: string } | { last: number };

/** Body of `POST /api/query`. */
export interface QueryRequest {
  dataset: "spans";
  time_range: TimeRange;
  calculations: Calculation[];
  filters: Filter[];
  breakdowns: string[];
  granularity_s?: number;
  limit?: number;
}

/** One bucket of a HEATMAP value: spans with `lower <= column < upper`. */
export interface HeatmapBucket {
  lower: number;
  upper: number;
  count: number;
}

/** A HEATMAP calculation's value. */
export interface HeatmapValue {
  buckets: HeatmapBucket[];
}

/** A calculation's value: a number (null when there were no values) or a heatmap. */
export type CalcValue = number | null | HeatmapValue;

/** Breakdown column → value of one group (null when the attribute is missing). */
export type Group = Record<string, Scalar | null>;

/** Answer of `POST /api/query`; values are keyed by {@link calcName}. */
export interface QueryResult {
  totals: { group: Group; values: Record<string, CalcValue> }[];
  series: { group: Group; points: { time: string; values: Record<string, CalcValue> }[] }[];
}

/** One span of `GET /api/traces/{id}`: the span columns plus every attribute by name. */
export interface Span {
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  name: string;
  kind: string;
  "service.name": string;
  /** Start, ISO-8601. */
  timestamp: string;
  duration_ms: number;
  status_code: string;
  status_message: string;
  events?: unknown;
  links?: unknown;
  [attribute: string]: unknown;
}

/** Answer of `GET /api/traces/{id}`. */
export interface Trace {
  trace_id: string;
  spans: Span[];
}

/** A failed API call: `status` is the HTTP status (0 for network errors). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The name under which the answer reports a calculation: `COUNT`, `P99(duration_ms)`. */
export function calcName(calc: Calculation): string {
  return calc.column ? `${calc.op}(${calc.column})` : calc.op;
}

/** True for a HEATMAP value. */
export function isHeatmap(value: CalcValue | undefined): value is HeatmapValue {
  return typeof value === "object" && value !== null && Array.isArray(value.buckets);
}

/** Runs a query. */
export function postQuery(request: QueryRequest, signal?: AbortSignal): Promise<QueryResult> {
  return call<QueryResult>("/api/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal,
  });
}

/** Fetches every span of a trace. A missing trace rejects with status 404. */
export function getTrace(traceId: string, signal?: AbortSignal): Promise<Trace> {
  return call<Trace>(`/api/traces/${encodeURIComponent(traceId)}`, { signal });
}

/** Lists the queryable columns. */
export async function getColumns(signal?: AbortSignal): Promise<Column[]> {
  return (await call<{ columns: Column[] }>("/api/columns", { signal })).columns;
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(`Cannot reach the collector: ${(err as Error).message}`, 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = (body as { error?: unknown } | undefined)?.error;
    throw new ApiError(
      typeof message === "string" ? message : `${response.status} ${response.statusText}`,
      response.status,
    );
  }
  if (body === undefined) throw new ApiError(`Invalid JSON from ${url}`, response.status);
  return body as T;
}
