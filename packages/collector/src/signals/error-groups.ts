import {
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from "@duckdb/node-api";
import type { ErrorGroup, ErrorGroupDetail, ErrorGroupsResult } from "@sonde/protocol/query";
import { QueryError } from "../query/errors.js";
import { jsonScalar } from "../query/json.js";
import { ERROR_COLUMNS, errorOccurrence, intParam, type RangeParams, rangeOf } from "./rows.js";

/** Time buckets of a group's `series`, at most. */
const SERIES_BUCKETS = 30;
/** Example trace ids per group. */
const EXAMPLES = 5;

/** Query string of `GET /api/errors/groups`. */
export interface ErrorGroupsParams extends RangeParams {
  service?: string;
  owner?: string;
  limit?: string;
}

const ts = (d: Date) => timestampValue(BigInt(d.getTime()) * 1000n);

/**
 * The error groups of a time range (`ErrorGroupsResult` in `@sonde/protocol/query`): the reports
 * of table `errors` grouped by fingerprint, with the latest report's type, template, message and
 * owner, the services, the count, first/last seen, the count per bucket of
 * ⌈range / 30⌉ seconds and up to 5 recent trace ids; by count descending, at most `limit`
 * (1..1000, default 100).
 * @throws {QueryError} naming a bad parameter (`last`, `start`, `end`, `limit`); DuckDB errors
 *   propagate unchanged.
 */
export async function errorGroups(
  conn: DuckDBConnection,
  q: ErrorGroupsParams,
  now: Date = new Date(),
): Promise<ErrorGroupsResult> {
  const { start, end } = rangeOf(q, now);
  const limit = intParam("limit", q.limit, 100, 1000);
  const rangeMs = end.getTime() - start.getTime();
  const bucketS = Math.max(1, Math.ceil(rangeMs / 1000 / SERIES_BUCKETS));
  const buckets = Math.ceil(rangeMs / (bucketS * 1000));
  const params: DuckDBValue[] = [ts(start), ts(end)];
  const types: DuckDBType[] = [TIMESTAMP, TIMESTAMP];
  const where = [`"timestamp" >= $1`, `"timestamp" < $2`];
  for (const [column, value] of [
    ["service_name", q.service],
    ["owner", q.owner],
  ] as const) {
    if (value === undefined || value === "") continue;
    params.push(value);
    types.push(VARCHAR);
    where.push(`${column} = $${params.length}`);
  }
  // Numbers computed here, not request text: safe as literals.
  const sql = `
SELECT fingerprint, arg_max(type, time_unix_nano) AS type, arg_max(template, time_unix_nano) AS template,
  arg_max(message, time_unix_nano) AS message, arg_max(owner, time_unix_nano) AS owner,
  list_sort(list_distinct(list(service_name))) AS services, count(*) AS n,
  min("timestamp") AS first_seen, max("timestamp") AS last_seen,
  histogram(((epoch_ms("timestamp") - ${start.getTime()}) // ${bucketS * 1000})::INTEGER) AS hist,
  arg_max(trace_id, time_unix_nano, ${EXAMPLES * 4}) FILTER (WHERE trace_id <> '') AS traces
FROM errors WHERE ${where.join(" AND ")}
GROUP BY fingerprint ORDER BY n DESC, last_seen DESC, fingerprint LIMIT ${limit}`;
  const reader = await conn.runAndReadAll(sql, params, types);
  const groups = reader.getRowObjectsJS().map((row): ErrorGroup => {
    const series = new Array<number>(buckets).fill(0);
    for (const { key, value } of (row.hist ?? []) as { key: number; value: bigint }[]) {
      if (key >= 0 && key < buckets) series[key] = Number(value);
    }
    return {
      fingerprint: row.fingerprint as string,
      type: row.type as string,
      template: row.template as string,
      message: row.message as string,
      owner: row.owner as string,
      services: row.services as string[],
      count: Number(row.n),
      first_seen: jsonScalar(row.first_seen) as string,
      last_seen: jsonScalar(row.last_seen) as string,
      series,
      example_traces: [...new Set((row.traces ?? []) as string[])].slice(0, EXAMPLES),
    };
  });
  return {
    time_range: { start: start.toISOString(), end: end.toISOString() },
    bucket_s: bucketS,
    groups,
  };
}

/**
 * The latest reports of one error group (`ErrorGroupDetail`), newest first, whatever their time.
 * @param fingerprint 16 hex digits.
 * @throws {QueryError} with path `fingerprint` or `limit` when malformed; DuckDB errors
 *   propagate unchanged.
 */
export async function errorGroup(
  conn: DuckDBConnection,
  fingerprint: string,
  limit?: string,
): Promise<ErrorGroupDetail> {
  if (!/^[0-9a-f]{1,64}$/i.test(fingerprint)) {
    throw new QueryError("fingerprint", "must be hex digits");
  }
  const n = intParam("limit", limit, 20, 200);
  const reader = await conn.runAndReadAll(
    `SELECT ${ERROR_COLUMNS} FROM errors WHERE fingerprint = $1 ORDER BY time_unix_nano DESC LIMIT ${n}`,
    [fingerprint.toLowerCase()],
  );
  return {
    fingerprint: fingerprint.toLowerCase(),
    occurrences: reader.getRowObjectsJS().map(errorOccurrence),
  };
}
