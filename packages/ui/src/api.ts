/**
 * Client for the collector's query API (same origin). Shapes are those of `@sonde/protocol/query`
 * (DESIGN.md "Query model"). Every call rejects with {@link ApiError} when the server answers
 * non-2xx (its `error` message is kept) or the network fails; a cancelled call rejects with the
 * AbortError.
 */
import type { CallGraph } from "@sonde/protocol";
import type {
  BubbleUpRequest,
  BubbleUpResult,
  CalculationValue,
  ColumnInfo,
  ColumnsResult,
  ErrorGroupDetail,
  ErrorGroupsResult,
  EventsResult,
  ExemplarRequest,
  ExemplarResult,
  HeatmapValue,
  MetricCatalog,
  MetricCatalogEntry,
  MetricQueryRequest,
  QueryDataset,
  QueryRequest,
  QueryResult,
  TraceLogsResult,
  TraceResult,
  TraceSearchRequest,
  TraceSearchResult,
} from "@sonde/protocol/query";
import type { SentRequest } from "./query/state.js";

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

/** Runs a query (`POST /api/query`) over spans or a metric. */
export function postQuery(
  request: QueryRequest | MetricQueryRequest | SentRequest,
  signal?: AbortSignal,
): Promise<QueryResult> {
  return post<QueryResult>("/api/query", request, signal);
}

/** Compares a selection of spans with the baseline, per attribute (`POST /api/bubbleup`). */
export function postBubbleUp(request: BubbleUpRequest, signal?: AbortSignal) {
  return post<BubbleUpResult>("/api/bubbleup", request, signal);
}

/** Finds the exemplar span of a chart point (`POST /api/exemplar`). */
export function postExemplar(request: ExemplarRequest, signal?: AbortSignal) {
  return post<ExemplarResult>("/api/exemplar", request, signal);
}

/** Searches traces (`POST /api/traces/search`). */
export function searchTraces(request: TraceSearchRequest, signal?: AbortSignal) {
  return post<TraceSearchResult>("/api/traces/search", request, signal);
}

function post<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return call<T>(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/** Fetches every span of a trace. A missing trace rejects with status 404. */
export function getTrace(traceId: string, signal?: AbortSignal): Promise<TraceResult> {
  return call<TraceResult>(`/api/traces/${encodeURIComponent(traceId)}`, { signal });
}

/** Lists the queryable columns of a dataset (`GET /api/columns?dataset=`). */
export async function getColumns(
  dataset: QueryDataset = "spans",
  signal?: AbortSignal,
): Promise<ColumnInfo[]> {
  return (await call<ColumnsResult>(`/api/columns?dataset=${dataset}`, { signal })).columns;
}

/** The log lines and errors recorded inside a trace (`GET /api/traces/{id}/logs`). */
export function getTraceLogs(traceId: string, signal?: AbortSignal): Promise<TraceLogsResult> {
  return call<TraceLogsResult>(`/api/traces/${encodeURIComponent(traceId)}/logs`, { signal });
}

/** Query-string parameters, the empty ones left out. */
function qs(params: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== "") out.set(k, String(v));
  return out.toString();
}

/** Error groups of a range (`GET /api/errors/groups`); `last` is a duration such as `1h`. */
export function getErrorGroups(
  params: { last?: string; start?: string; end?: string; service?: string; owner?: string },
  signal?: AbortSignal,
): Promise<ErrorGroupsResult> {
  return call<ErrorGroupsResult>(`/api/errors/groups?${qs(params)}`, { signal });
}

/** The latest occurrences of one error group (`GET /api/errors/groups/{fingerprint}`). */
export function getErrorGroup(fingerprint: string, signal?: AbortSignal) {
  return call<ErrorGroupDetail>(`/api/errors/groups/${encodeURIComponent(fingerprint)}`, {
    signal,
  });
}

/**
 * Events of a range, newest first (`GET /api/events`): `service` a comma-separated list, `q`
 * a case-insensitive search over name, owner, description and field values.
 */
export function getEvents(
  params: {
    last?: string;
    start?: string;
    end?: string;
    service?: string;
    q?: string;
    limit?: number;
  },
  signal?: AbortSignal,
): Promise<EventsResult> {
  return call<EventsResult>(`/api/events?${qs(params)}`, { signal });
}

/**
 * The call graph of the spans that ended in the last `seconds` (`GET /api/callgraph`): nodes
 * per (service, span name), edges caller → callee.
 */
export function getCallGraph(seconds: number, signal?: AbortSignal): Promise<CallGraph> {
  return call<CallGraph>(`/api/callgraph?last=${seconds}`, { signal });
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
