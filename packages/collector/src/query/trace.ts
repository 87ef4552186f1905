import {
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type JS,
  TIMESTAMP,
  UBIGINT,
  VARCHAR,
} from "@duckdb/node-api";
import type { TraceResult, TraceSpan } from "@sonde/protocol/query";
import { TRACE_INDEX_LEVELS, traceKey } from "../storage/schema.js";
import { QueryError } from "./errors.js";
import { type JsonScalar, jsonScalar } from "./json.js";

/**
 * The first and last span start of the trace, from every level of the trace index (NULLs when
 * not there). One statement, so it sees a merge of levels wholly or not at all.
 */
const FIND_RANGE = `SELECT min(first_start), max(last_start) FROM (${TRACE_INDEX_LEVELS.map(
  (table) => `SELECT first_start, last_start FROM ${table} WHERE trace_key = $1`,
).join(" UNION ALL ")})`;

/**
 * The trace's spans, in storage order. Columns are read as stored (no casts) and sorted in
 * JavaScript: on 10M spans an `ORDER BY` here cost ~1 ms of a ~3 ms statement.
 */
const SELECT_SPANS = `
SELECT trace_id, span_id, parent_span_id, trace_state, name, kind, service_name, "timestamp",
  start_time_unix_nano, end_time_unix_nano, duration_ms, status_code, status_message,
  attr_str, attr_num, attr_bool, events, links
FROM spans WHERE trace_id = $1 AND "timestamp" BETWEEN $2 AND $3`;

/**
 * Reads all spans of one trace, ordered by start time then span id: finds the trace's first
 * and last span start in the trace index (all levels of `TRACE_INDEX_LEVELS`), then reads only
 * that range of `spans` (so the time it takes does not grow with the table). The two
 * statements are prepared once per connection, and calls on one connection run one after
 * another (as DuckDB runs a connection's queries).
 * @param traceId 32 hex digits (W3C Trace Context); upper case is accepted and lowered.
 * @throws {QueryError} with path `trace_id` when the id is not 32 hex digits; DuckDB errors
 *   propagate unchanged.
 */
export async function getTrace(conn: DuckDBConnection, traceId: string): Promise<TraceResult> {
  if (!/^[0-9a-fA-F]{32}$/.test(traceId)) {
    throw new QueryError("trace_id", "must be 32 hex digits");
  }
  const id = traceId.toLowerCase();
  const columns = await withStatements(conn, async ({ findRange, selectSpans }) => {
    findRange.bind([traceKey(id)], [UBIGINT]);
    const [first, last] = (await findRange.runAndReadAll()).getRows()[0];
    if (first === null) return undefined;
    selectSpans.bind([id, first, last], [VARCHAR, TIMESTAMP, TIMESTAMP]);
    return (await selectSpans.runAndReadAll()).getColumnsJS();
  });
  // No columns either when no span matched (a key shared with another trace's id).
  return { trace_id: id, spans: columns?.length ? toSpans(columns) : [] };
}

interface Statements {
  findRange: DuckDBPreparedStatement;
  selectSpans: DuckDBPreparedStatement;
}

/** Per connection: the statements, prepared once, and the last call using them. */
const prepared = new WeakMap<
  DuckDBConnection,
  { statements: Promise<Statements>; last: Promise<unknown> }
>();

/**
 * Runs `work` with the connection's prepared statements (preparing them on each call cost
 * 0.5–0.7 ms a statement on 10M spans), after the previous call's work has finished: a
 * statement's bound values are read while it runs, so two calls must not bind it at once. A
 * failed preparation is not kept, so the next call prepares again.
 */
function withStatements<T>(
  conn: DuckDBConnection,
  work: (statements: Statements) => Promise<T>,
): Promise<T> {
  let entry = prepared.get(conn);
  if (!entry) {
    const statements = Promise.all([conn.prepare(FIND_RANGE), conn.prepare(SELECT_SPANS)]).then(
      ([findRange, selectSpans]) => ({ findRange, selectSpans }),
    );
    statements.catch(() => prepared.delete(conn));
    entry = { statements, last: Promise.resolve() };
    prepared.set(conn, entry);
  }
  const { statements } = entry;
  const result = entry.last.then(async () => work(await statements));
  entry.last = result.catch(() => undefined);
  return result;
}

/** Spans from the columns `SELECT_SPANS` reads, in `TraceSpan` order (start time, span id). */
function toSpans(columns: JS[][]): TraceSpan[] {
  const [traceIds, spanIds, parents, states, names, kinds, services, timestamps, starts, ends] =
    columns;
  const [durations, statusCodes, statusMessages, strs, nums, bools, events, links] =
    columns.slice(10);
  const order = spanIds.map((_, i) => i);
  order.sort((a, b) => compare(starts[a], starts[b]) || compare(spanIds[a], spanIds[b]));
  return order.map((i) => {
    const span: Record<string, unknown> = {
      trace_id: traceIds[i],
      span_id: spanIds[i],
      parent_span_id: parents[i],
      trace_state: states[i],
      name: names[i],
      kind: kinds[i],
      "service.name": services[i],
      timestamp: jsonScalar(timestamps[i]),
      start_time_unix_nano: String(starts[i]),
      end_time_unix_nano: String(ends[i]),
      duration_ms: jsonScalar(durations[i]),
      status_code: statusCodes[i],
      status_message: statusMessages[i],
    };
    for (const map of [strs[i], nums[i], bools[i]]) {
      for (const { key, value } of map as { key: string; value: JS }[]) {
        if (!Object.hasOwn(span, key)) span[key] = jsonScalar(value) satisfies JsonScalar;
      }
    }
    span.events = parseList(events[i]);
    span.links = parseList(links[i]);
    return span as TraceSpan;
  });
}

/** Orders bigints (start times) and strings (span ids, code-unit order) ascending. */
function compare(a: JS, b: JS): number {
  return (a as bigint | string) < (b as bigint | string) ? -1 : a === b ? 0 : 1;
}

function parseList(text: JS): unknown {
  try {
    return JSON.parse(text as string);
  } catch {
    return [];
  }
}
