import {
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from "@duckdb/node-api";
import type { EventsResult } from "@sonde/protocol/query";
import { jsonScalar } from "../query/json.js";
import { attributesOf, intParam, type RangeParams, rangeOf } from "./rows.js";

/** Query string of `GET /api/events`. */
export interface EventsParams extends RangeParams {
  /** Comma-separated service names. */
  service?: string;
  q?: string;
  limit?: string;
}

const ts = (d: Date) => timestampValue(BigInt(d.getTime()) * 1000n);

/**
 * The event log (`EventsResult` in `@sonde/protocol/query`): events of the range, newest first,
 * at most `limit` (1..1000, default 200), of the listed services (all when none), matching `q`
 * (case-insensitive substring of the name, owner, description or any field value, numbers and
 * booleans as text).
 * @throws {QueryError} naming a bad parameter (`last`, `start`, `end`, `limit`); DuckDB errors
 *   propagate unchanged.
 */
export async function listEvents(
  conn: DuckDBConnection,
  q: EventsParams,
  now: Date = new Date(),
): Promise<EventsResult> {
  const { start, end } = rangeOf(q, now);
  const limit = intParam("limit", q.limit, 200, 1000);
  const params: DuckDBValue[] = [ts(start), ts(end)];
  const types: DuckDBType[] = [TIMESTAMP, TIMESTAMP];
  const add = (value: string) => {
    params.push(value);
    types.push(VARCHAR);
    return `$${params.length}`;
  };
  const where = [`"timestamp" >= $1`, `"timestamp" < $2`];
  const services = (q.service ?? "").split(",").filter((s) => s !== "");
  if (services.length > 0) where.push(`service_name IN (${services.map(add).join(", ")})`);
  const text = (q.q ?? "").trim().toLowerCase();
  if (text !== "") {
    const t = add(text);
    const has = (list: string) =>
      `len(list_filter(${list}, v -> contains(lower(v::VARCHAR), ${t}))) > 0`;
    where.push(
      `(contains(lower(name), ${t}) OR contains(lower(owner), ${t}) OR contains(lower(description), ${t})` +
        ` OR ${has("map_values(attr_str)")} OR ${has("map_values(attr_num)")} OR ${has("map_values(attr_bool)")})`,
    );
  }
  const reader = await conn.runAndReadAll(
    `SELECT "timestamp", name, severity, service_name, owner, description, trace_id, span_id,
       attr_str, attr_num, attr_bool
     FROM events WHERE ${where.join(" AND ")} ORDER BY time_unix_nano DESC LIMIT ${limit}`,
    params,
    types,
  );
  return {
    events: reader.getRowObjectsJS().map((row) => ({
      timestamp: jsonScalar(row.timestamp) as string,
      name: row.name as string,
      severity: row.severity as string,
      "service.name": row.service_name as string,
      owner: row.owner as string,
      description: row.description as string,
      trace_id: row.trace_id as string,
      span_id: row.span_id as string,
      fields: attributesOf(row),
    })),
  };
}
