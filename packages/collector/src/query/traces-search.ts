import { DOUBLE, type DuckDBConnection, VARCHAR } from "@duckdb/node-api";
import type { ExemplarResult, TraceSearchResult } from "@sonde/protocol/query";
import { z } from "zod";
import { Params, textValue, whereClause } from "./compile.js";
import { QueryError } from "./errors.js";
import { jsonScalar } from "./json.js";
import {
  checkFilterTree,
  issueError,
  resolveTimeRange,
  spanColumn,
  spanFiltersSchema,
  timeRangeSchema,
} from "./spec.js";

const searchSchema = z.strictObject({
  time_range: timeRangeSchema,
  filters: spanFiltersSchema.optional(),
  trace_duration_ms: z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .optional(),
  sort: z
    .strictObject({
      by: z.enum(["duration", "start", "spans", "errors"]),
      direction: z.enum(["asc", "desc"]).optional(),
    })
    .optional(),
  limit: z.int().min(1).max(1000).optional(),
});

const SORT_SQL = {
  duration: "duration_ms",
  start: "start",
  spans: "span_count",
  errors: "error_count",
};

/**
 * Trace search (`POST /api/traces/search`, a `TraceSearchRequest`): the traces with at least one
 * span in the range passing the filters, summarised over their spans in the range, filtered by
 * trace duration, then sorted over all of them and limited (so a limit never hides a longer
 * trace). Ties are broken by trace id. Throws {@link QueryError} naming the field for bad input.
 */
export async function searchTraces(
  conn: DuckDBConnection,
  request: unknown,
  now: Date = new Date(),
): Promise<TraceSearchResult> {
  const parsed = searchSchema.safeParse(request);
  if (!parsed.success) throw issueError(parsed.error.issues[0], request);
  const req = parsed.data;
  const { start, end } = resolveTimeRange(req.time_range, now);
  const p = new Params();
  const range = whereClause({ start, end, filters: { op: "AND", filters: [] } }, p);
  const matching = whereClause({ start, end, filters: checkFilterTree(req.filters) }, p);
  const bounds: string[] = [];
  if (req.trace_duration_ms?.min !== undefined)
    bounds.push(`duration_ms >= ${p.add(req.trace_duration_ms.min, DOUBLE)}`);
  if (req.trace_duration_ms?.max !== undefined)
    bounds.push(`duration_ms <= ${p.add(req.trace_duration_ms.max, DOUBLE)}`);
  const sort = req.sort ?? { by: "start" as const };
  const dir = (sort.direction ?? "desc").toUpperCase();
  const sql = `WITH hits AS (SELECT DISTINCT trace_id FROM spans WHERE ${matching}),
summary AS (SELECT trace_id,
  arg_min(name, (parent_span_id <> '', start_time_unix_nano)) AS root_name,
  arg_min(service_name, (parent_span_id <> '', start_time_unix_nano)) AS root_service,
  min("timestamp") AS start,
  (max(end_time_unix_nano) - min(start_time_unix_nano)) / 1e6 AS duration_ms,
  count(*) AS span_count, count(*) FILTER (WHERE status_code = 'error') AS error_count,
  list_sort(list_distinct(list(service_name))) AS services
  FROM spans WHERE ${range} AND trace_id IN (SELECT trace_id FROM hits) GROUP BY trace_id)
SELECT * FROM summary ${bounds.length ? `WHERE ${bounds.join(" AND ")}` : ""}
ORDER BY ${SORT_SQL[sort.by]} ${dir}, trace_id LIMIT ${p.add(req.limit ?? 20, DOUBLE)}`;
  const rows = (await conn.runAndReadAll(sql, p.values, p.types)).getRowObjectsJS();
  return {
    traces: rows.map((r) => ({
      trace_id: String(r.trace_id),
      root_name: String(r.root_name),
      root_service: String(r.root_service),
      start: jsonScalar(r.start) as string,
      duration_ms: Number(r.duration_ms),
      span_count: Number(r.span_count),
      error_count: Number(r.error_count),
      services: (r.services as string[]).map(String),
    })),
  };
}

const exemplarSchema = z.strictObject({
  dataset: z.literal("spans"),
  time_range: timeRangeSchema,
  filters: spanFiltersSchema.optional(),
  group: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  column: z.string().min(1).optional(),
  at_most: z.number().optional(),
});

/**
 * The exemplar of a chart point (`POST /api/exemplar`, an `ExemplarRequest`): among the spans
 * of the range passing the filters and belonging to the group, the one with the largest value
 * of the column at or below `at_most` (ties: latest start). Throws {@link QueryError} naming
 * the field for bad input.
 */
export async function findExemplar(
  conn: DuckDBConnection,
  request: unknown,
  now: Date = new Date(),
): Promise<ExemplarResult> {
  const parsed = exemplarSchema.safeParse(request);
  if (!parsed.success) throw issueError(parsed.error.issues[0], request);
  const req = parsed.data;
  const { start, end } = resolveTimeRange(req.time_range, now);
  const column = req.column ?? "duration_ms";
  const fixed = spanColumn(column);
  if (fixed !== undefined && fixed.type !== "number") {
    throw new QueryError("column", `${column} is not a numeric column`);
  }
  const p = new Params();
  const value = fixed?.sql ?? `map_extract_value(attr_num, ${p.add(column, VARCHAR)})`;
  const conds = [whereClause({ start, end, filters: checkFilterTree(req.filters) }, p)];
  for (const [name, v] of Object.entries(req.group ?? {})) {
    const text = textValue(name, p);
    conds.push(
      v === null
        ? `${text} IS NULL`
        : `${text}::VARCHAR = ${p.add(typeof v === "string" ? v : String(v), VARCHAR)}`,
    );
  }
  conds.push(`${value} IS NOT NULL`);
  if (req.at_most !== undefined) conds.push(`${value} <= ${p.add(req.at_most, DOUBLE)}`);
  const sql = `SELECT trace_id, span_id, ${value} AS v, "timestamp" FROM spans WHERE ${conds.join(" AND ")} ORDER BY v DESC, "timestamp" DESC LIMIT 1`;
  const row = (await conn.runAndReadAll(sql, p.values, p.types)).getRowObjectsJS()[0];
  if (row === undefined) return { exemplar: null };
  return {
    exemplar: {
      trace_id: String(row.trace_id),
      span_id: String(row.span_id),
      value: Number(row.v),
      timestamp: jsonScalar(row.timestamp) as string,
    },
  };
}
