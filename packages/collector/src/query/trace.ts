import type { DuckDBConnection, JS } from "@duckdb/node-api";
import type { TraceResult, TraceSpan } from "@sonde/protocol/query";
import { traceKeySql } from "../storage/schema.js";
import { QueryError } from "./errors.js";
import { type JsonScalar, jsonScalar } from "./json.js";

/** The first and last minute in which the trace's spans start, from `trace_index`. */
const FIND_MINUTES = `SELECT min(minute)::VARCHAR AS lo, (max(minute) + INTERVAL 60 SECOND)::VARCHAR AS hi
FROM trace_index WHERE trace_key = ${traceKeySql("$1")}`;

const SELECT_SPANS = `
SELECT trace_id, span_id, parent_span_id, trace_state, name, kind, service_name, "timestamp",
  CAST(start_time_unix_nano AS VARCHAR) AS start_time_unix_nano,
  CAST(end_time_unix_nano AS VARCHAR) AS end_time_unix_nano,
  duration_ms, status_code, status_message, attr_str, attr_num, attr_bool, events, links
FROM spans WHERE trace_id = $1 AND "timestamp" >= $2::TIMESTAMP AND "timestamp" < $3::TIMESTAMP
ORDER BY spans.start_time_unix_nano, spans.span_id`;

/**
 * Reads all spans of one trace: finds its minutes in `trace_index`, then reads only those of
 * `spans` (so the time it takes does not grow with the table).
 * @param traceId 32 hex digits (W3C Trace Context); upper case is accepted and lowered.
 * @throws {QueryError} with path `trace_id` when the id is not 32 hex digits; DuckDB errors
 *   propagate unchanged.
 */
export async function getTrace(conn: DuckDBConnection, traceId: string): Promise<TraceResult> {
  if (!/^[0-9a-fA-F]{32}$/.test(traceId)) {
    throw new QueryError("trace_id", "must be 32 hex digits");
  }
  const id = traceId.toLowerCase();
  const found = (await conn.runAndReadAll(FIND_MINUTES, [id])).getRowObjectsJS()[0];
  if (found?.lo == null) return { trace_id: id, spans: [] };
  const reader = await conn.runAndReadAll(SELECT_SPANS, [id, String(found.lo), String(found.hi)]);
  return { trace_id: id, spans: reader.getRowObjectsJS().map(toSpan) };
}

/** The columns `SELECT_SPANS` reads have the types `TraceSpan` gives them. */
function toSpan(row: Record<string, JS>): TraceSpan {
  const span: Record<string, unknown> = {
    trace_id: row.trace_id,
    span_id: row.span_id,
    parent_span_id: row.parent_span_id,
    trace_state: row.trace_state,
    name: row.name,
    kind: row.kind,
    "service.name": row.service_name,
    timestamp: jsonScalar(row.timestamp),
    start_time_unix_nano: row.start_time_unix_nano,
    end_time_unix_nano: row.end_time_unix_nano,
    duration_ms: jsonScalar(row.duration_ms),
    status_code: row.status_code,
    status_message: row.status_message,
  };
  for (const map of [row.attr_str, row.attr_num, row.attr_bool]) {
    for (const { key, value } of map as { key: string; value: JS }[]) {
      if (!Object.hasOwn(span, key)) span[key] = jsonScalar(value) satisfies JsonScalar;
    }
  }
  span.events = parseList(row.events);
  span.links = parseList(row.links);
  return span as TraceSpan;
}

function parseList(text: JS): unknown {
  try {
    return JSON.parse(text as string);
  } catch {
    return [];
  }
}
