import type { DuckDBConnection } from "@duckdb/node-api";
import type { TraceLogsResult } from "@sonde/protocol/query";
import { QueryError } from "../query/errors.js";
import { jsonScalar } from "../query/json.js";
import { attributesOf, ERROR_COLUMNS, errorOccurrence } from "./rows.js";

/**
 * The log lines and error reports recorded inside one trace (`TraceLogsResult` in
 * `@sonde/protocol/query`), each oldest first, with their span ids.
 * @param traceId 32 hex digits; upper case is accepted and lowered.
 * @throws {QueryError} with path `trace_id` when the id is not 32 hex digits; DuckDB errors
 *   propagate unchanged.
 */
export async function traceLogs(conn: DuckDBConnection, traceId: string): Promise<TraceLogsResult> {
  if (!/^[0-9a-fA-F]{32}$/.test(traceId)) {
    throw new QueryError("trace_id", "must be 32 hex digits");
  }
  const id = traceId.toLowerCase();
  const logs = await conn.runAndReadAll(
    `SELECT "timestamp", service_name, span_id, severity_number, severity_text, body, logger,
       attr_str, attr_num, attr_bool
     FROM logs WHERE trace_id = $1 ORDER BY time_unix_nano, span_id`,
    [id],
  );
  const errors = await conn.runAndReadAll(
    `SELECT ${ERROR_COLUMNS} FROM errors WHERE trace_id = $1 ORDER BY time_unix_nano, span_id`,
    [id],
  );
  return {
    trace_id: id,
    logs: logs.getRowObjectsJS().map((row) => ({
      timestamp: jsonScalar(row.timestamp) as string,
      "service.name": row.service_name as string,
      span_id: row.span_id as string,
      severity_number: Number(row.severity_number),
      severity_text: row.severity_text as string,
      body: row.body as string,
      logger: row.logger as string,
      attributes: attributesOf(row),
    })),
    errors: errors.getRowObjectsJS().map(errorOccurrence),
  };
}
