/**
 * Client for the collector's query API (same origin). Shapes are those of `@sonde/protocol/query`
 * (DESIGN.md "Query model"). Every call rejects with {@link ApiError} when the server answers
 * non-2xx (its `error` message is kept) or the network fails; a cancelled call rejects with the
 * AbortError.
 */
import type {
  CalculationValue,
  ColumnInfo,
  ColumnsResult,
  HeatmapValue,
  MetricCatalog,
  MetricCatalogEntry,
  QueryRequest,
  QueryResult,
  TraceResult,
} from "@sonde/protocol/query";

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

/** True for a HEATMAP value. */
export function isHeatmap(value: CalculationValue | undefined): value is HeatmapValue {
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
export function getTrace(traceId: string, signal?: AbortSignal): Promise<TraceResult> {
  return call<TraceResult>(`/api/traces/${encodeURIComponent(traceId)}`, { signal });
}

/** Lists the queryable columns. */
export async function getColumns(signal?: AbortSignal): Promise<ColumnInfo[]> {
  return (await call<ColumnsResult>("/api/columns", { signal })).columns;
}

/** Lists every stored metric with its declared metadata (`GET /api/metrics`). */
export async function getMetrics(signal?: AbortSignal): Promise<MetricCatalogEntry[]> {
  return (await call<MetricCatalog>("/api/metrics", { signal })).metrics;
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
