import type { DuckDBConnection } from "@duckdb/node-api";
import { SPAN_COLUMNS as SHARED_SPAN_COLUMNS } from "@sonde/protocol/query";
import { insertRollupsSql, ROLLUPS_DDL } from "./rollups.js";

/**
 * DuckDB tables for stored spans (metrics: `metric-schema.ts`). One row per span. Attributes of the span
 * and of its resource are merged (the span's win) into three typed maps so that any attribute
 * is queryable by name with its own type: strings in `attr_str`, numbers in `attr_num`
 * (ints and doubles, as DOUBLE), booleans in `attr_bool`. Arrays are stored as JSON text in
 * `attr_str`.
 */
/**
 * The layout version of the tables below. A database file written with another version is
 * refused with a clear error instead of failing on the first insert.
 */
export const SCHEMA_VERSION = 6;

/**
 * Progress of Sonde collection protocol sessions: a row `(session, seq)` is written in the same
 * transaction as the data of that session's batch `seq`, so after a crash the highest stored
 * `seq` of a session is exactly how far its data got (no batch stored twice, none lost).
 */
export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS collect_checkpoints (
  session_id VARCHAR NOT NULL, seq UBIGINT NOT NULL)`;

/** A session's batch whose data a write carries (see {@link CHECKPOINTS_DDL}). */
export interface Checkpoint {
  session: string;
  seq: number;
}

/** Writes checkpoint rows on `conn`, inside the caller's transaction. */
export async function writeCheckpoints(
  conn: DuckDBConnection,
  checkpoints: Checkpoint[],
): Promise<void> {
  if (checkpoints.length === 0) return;
  const values = checkpoints.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
  await conn.run(
    `INSERT INTO collect_checkpoints VALUES ${values}`,
    checkpoints.flatMap((c) => [c.session, c.seq]),
  );
}

export const META_DDL = `CREATE TABLE IF NOT EXISTS sonde_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`;

export const SPANS_DDL = `
CREATE TABLE IF NOT EXISTS spans (
  trace_id VARCHAR NOT NULL,
  span_id VARCHAR NOT NULL,
  parent_span_id VARCHAR NOT NULL,
  trace_state VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  service_name VARCHAR NOT NULL,
  "timestamp" TIMESTAMP NOT NULL,
  start_time_unix_nano BIGINT NOT NULL,
  end_time_unix_nano BIGINT NOT NULL,
  duration_ms DOUBLE NOT NULL,
  status_code VARCHAR NOT NULL,
  status_message VARCHAR NOT NULL,
  attr_str MAP(VARCHAR, VARCHAR) NOT NULL,
  attr_num MAP(VARCHAR, DOUBLE) NOT NULL,
  attr_bool MAP(VARCHAR, BOOLEAN) NOT NULL,
  events VARCHAR NOT NULL,
  links VARCHAR NOT NULL
)`;

/**
 * Where each trace's spans are: rows `(trace_key, first_start, last_start)`, the first and last
 * span start of a trace's spans published in one transaction (bulk load: of all its spans),
 * keyed by the trace id's first 16 hex digits as an integer. Fetching a trace reads these small
 * tables, then only the rows of `spans` between the earliest and latest start (`spans` is
 * stored in arrival, i.e. roughly time, order, so DuckDB's min/max zone maps skip the other row
 * groups; an exact range, unlike whole minutes, stays within the trace's own row groups at any
 * span rate). Keys may repeat (a trace published in several transactions, or two ids sharing
 * the first 16 digits).
 *
 * The rows are kept in the levels {@link TRACE_INDEX_LEVELS}, as in a log-structured merge tree
 * (O'Neil, Cheng, Gawlick, O'Neil: "The Log-Structured Merge-Tree (LSM-Tree)", Acta Informatica
 * 33, 1996): ingest appends to level 0 (`trace_index`, in arrival order, so in random key
 * order), and `mergeTraceIndex` (`trace-index.ts`) moves a full level into the next one,
 * rewritten sorted by key; bulk load writes the last level. DuckDB's per-row-group min/max zone
 * maps find a key in a sorted level by reading one row group, so a lookup costs about the same
 * at any index size; in one table in arrival order it scans every row (measured: ~2 ms at 1M
 * rows, ~9–20 ms at 10M).
 */
export const TRACE_INDEX_LEVELS = [
  "trace_index",
  "trace_index_1",
  "trace_index_2",
  "trace_index_3",
] as const;

/** The columns of every level of the trace index (see {@link TRACE_INDEX_LEVELS}). */
export const TRACE_INDEX_DDL = TRACE_INDEX_LEVELS.map(
  (table) => `CREATE TABLE IF NOT EXISTS ${table} (
  trace_key UBIGINT NOT NULL, first_start TIMESTAMP NOT NULL, last_start TIMESTAMP NOT NULL)`,
).join(";\n");

/** SQL of a trace id's key in {@link TRACE_INDEX_DDL} (`id` is SQL text of 32 hex digits). */
export const traceKeySql = (id: string): string => `('0x' || left(${id}, 16))::UBIGINT`;

/**
 * A trace id's key in {@link TRACE_INDEX_DDL}, computed as {@link traceKeySql} does: its first
 * 16 hex digits as an unsigned 64-bit integer. `id` must be hex (a SyntaxError otherwise).
 */
export const traceKey = (id: string): bigint => BigInt(`0x${id.slice(0, 16)}`);

/** Rows of `trace_index` for the spans of a table or subquery. */
export const traceIndexSelect = (source: string): string =>
  `SELECT ${traceKeySql("trace_id")} AS trace_key, min("timestamp"), max("timestamp")
  FROM ${source} GROUP BY trace_key`;

/** Every table span storage needs, rollups and the trace index included. */
export const SPAN_TABLES_DDL = [SPANS_DDL, ROLLUPS_DDL, TRACE_INDEX_DDL].join(";\n");

/**
 * The staging table that span ingest appends to, with maps and lists as JSON text: the DuckDB appender
 * converts MAP/LIST values from JavaScript ~20× slower than strings (measured: 71 µs vs 3.3 µs
 * a row), so rows are appended as text and moved over with a cast in one INSERT … SELECT.
 */
export const STAGING_DDL = `
CREATE TEMP TABLE IF NOT EXISTS spans_staging AS SELECT * EXCLUDE (attr_str, attr_num, attr_bool),
  ''::VARCHAR AS attr_str, ''::VARCHAR AS attr_num, ''::VARCHAR AS attr_bool FROM spans LIMIT 0`;

const MAPS = `attr_str::JSON::MAP(VARCHAR, VARCHAR), attr_num::JSON::MAP(VARCHAR, DOUBLE),
  attr_bool::JSON::MAP(VARCHAR, BOOLEAN)`;

/**
 * Moves staged spans into `spans`, adding their rollup and trace index rows (run inside the
 * publishing transaction).
 */
export const PUBLISH_SPANS_SQL = `
INSERT INTO spans SELECT * EXCLUDE (attr_str, attr_num, attr_bool, events, links), ${MAPS}, events, links
  FROM spans_staging;
${insertRollupsSql("spans_staging")};
INSERT INTO trace_index ${traceIndexSelect("spans_staging")};
DELETE FROM spans_staging`;

// Columns whose SQL name differs from the query name.
const SQL_NAMES: Record<string, string> = {
  "service.name": "service_name",
  timestamp: '"timestamp"',
};

/** Span columns addressable by name in queries (`@sonde/protocol/query`), with their SQL. */
export const SPAN_COLUMNS: Record<
  string,
  { sql: string; type: (typeof SHARED_SPAN_COLUMNS)[number]["type"] }
> = Object.fromEntries(
  SHARED_SPAN_COLUMNS.map(({ name, type }) => [name, { sql: SQL_NAMES[name] ?? name, type }]),
);
