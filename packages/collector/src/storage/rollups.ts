import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Per-minute span rollups, kept at ingest in the transaction that stores the spans, so that
 * queries over long ranges read thousands of rows instead of millions.
 *
 * A rollup row is one (minute, dimension values, duration bucket) with the number of spans,
 * the sum, min and max of their `duration_ms`. Duration buckets are logarithmic as in DDSketch
 * (Masson, Rim, Lee: "DDSketch: a fast and fully-mergeable quantile sketch with
 * relative-error guarantees", VLDB 2019): with γ = (1 + α) / (1 − α), bucket i ≥ 1 holds
 * durations in (m·γ^(i−1), m·γ^i] with m = {@link SKETCH_MIN_MS}; bucket 0 holds durations
 * ≤ m, bucket {@link SKETCH_OVERFLOW} those above {@link SKETCH_MAX_MS}. Any value in bucket i
 * is within relative error α of 2·m·γ^i / (γ + 1). Rows of one key may repeat (each ingest
 * transaction adds its own); readers sum them, and {@link compactRollups} merges them.
 */

/** Relative accuracy α of the duration buckets. */
export const SKETCH_ALPHA = 0.05;
/** γ = (1 + α) / (1 − α). */
export const SKETCH_GAMMA = (1 + SKETCH_ALPHA) / (1 - SKETCH_ALPHA);
/** Durations at or below this many ms share bucket 0. */
export const SKETCH_MIN_MS = 0.01;
/** Durations above this many ms share the overflow bucket. */
export const SKETCH_MAX_MS = 1e7;
/** Index of the overflow bucket. */
export const SKETCH_OVERFLOW = 32767;

/**
 * The representative value of bucket `b`: the value within α of all the bucket's values;
 * {@link SKETCH_MIN_MS} for bucket 0 and Infinity for the overflow bucket (callers clamp to the
 * observed min/max). Throws nothing.
 */
export function bucketValue(b: number): number {
  if (b === 0) return SKETCH_MIN_MS;
  if (b === SKETCH_OVERFLOW) return Number.POSITIVE_INFINITY;
  return (SKETCH_MIN_MS * 2 * SKETCH_GAMMA ** b) / (SKETCH_GAMMA + 1);
}

/** The bucket of a duration, as the SQL below computes it (for tests). Throws nothing. */
export function bucketOf(ms: number): number {
  if (!(ms > SKETCH_MIN_MS)) return 0;
  if (ms > SKETCH_MAX_MS) return SKETCH_OVERFLOW;
  return Math.ceil(Math.log(ms / SKETCH_MIN_MS) / Math.log(SKETCH_GAMMA));
}

const BUCKET_SQL =
  `CASE WHEN NOT (duration_ms > ${SKETCH_MIN_MS}) THEN 0 WHEN duration_ms > ${SKETCH_MAX_MS} ` +
  `THEN ${SKETCH_OVERFLOW} ELSE ceil(ln(duration_ms / ${SKETCH_MIN_MS}) / ln(${SKETCH_GAMMA})) END::SMALLINT`;

/** One rollup: its table and the span columns (query names) it keeps, smallest first. */
export interface Rollup {
  table: string;
  dims: string[];
}

/** The rollups, from the fewest dimensions up; a query uses the first covering its columns. */
export const ROLLUPS: readonly Rollup[] = [
  { table: "span_rollup_service", dims: ["service.name"] },
  { table: "span_rollup_operation", dims: ["service.name", "name", "kind", "status_code"] },
];

/** SQL names of the rollup dimensions (the span table's). */
export const DIM_SQL: Record<string, string> = {
  "service.name": "service_name",
  name: "name",
  kind: "kind",
  status_code: "status_code",
};

/** DDL of every rollup table. */
export const ROLLUPS_DDL = ROLLUPS.map(
  (r) =>
    `CREATE TABLE IF NOT EXISTS ${r.table} (minute TIMESTAMP NOT NULL, ${r.dims
      .map((d) => `${DIM_SQL[d]} VARCHAR NOT NULL`)
      .join(", ")}, b SMALLINT NOT NULL, n BIGINT NOT NULL, s DOUBLE NOT NULL, ` +
    `mn DOUBLE NOT NULL, mx DOUBLE NOT NULL)`,
).join(";\n");

/**
 * Rollup rows of `rollup` computed from a table or subquery with the `spans` columns; `where`
 * (SQL over those columns) narrows it.
 */
export function rollupSelect(rollup: Rollup, source: string, where = "TRUE"): string {
  const dims = rollup.dims.map((d) => DIM_SQL[d]).join(", ");
  return (
    `SELECT time_bucket(INTERVAL 60 SECOND, "timestamp") AS minute, ${dims}, ${BUCKET_SQL} AS b, ` +
    `count(*) AS n, sum(duration_ms) AS s, min(duration_ms) AS mn, max(duration_ms) AS mx ` +
    `FROM ${source} WHERE ${where} GROUP BY ALL`
  );
}

/** Adds the rollup rows of the spans in `source` (run in the transaction storing them). */
export const insertRollupsSql = (source: string): string =>
  ROLLUPS.map((r) => `INSERT INTO ${r.table} ${rollupSelect(r, source)}`).join(";\n");

/**
 * Merges repeated rows of the minutes in [from, to] into one row per key (run inside a
 * transaction). Answers do not change. Throws what DuckDB throws.
 */
export async function compactRollups(conn: DuckDBConnection, from: Date, to: Date): Promise<void> {
  const range = [from.toISOString(), to.toISOString()];
  for (const r of ROLLUPS) {
    const keys = ["minute", ...r.dims.map((d) => DIM_SQL[d]), "b"].join(", ");
    const where = `minute >= $1::TIMESTAMP AND minute <= $2::TIMESTAMP`;
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE rollup_merge AS SELECT ${keys}, sum(n)::BIGINT AS n, sum(s) AS s, ` +
        `min(mn) AS mn, max(mx) AS mx FROM ${r.table} WHERE ${where} GROUP BY ALL`,
      range,
    );
    await conn.run(`DELETE FROM ${r.table} WHERE ${where}`, range);
    await conn.run(`INSERT INTO ${r.table} SELECT * FROM rollup_merge ORDER BY minute`);
  }
  await conn.run("DROP TABLE IF EXISTS rollup_merge");
}

/**
 * Recomputes every rollup from the whole `spans` table: the bulk-load path (rows inserted
 * into `spans` directly, e.g. by a benchmark or an import) ends with it. Throws what DuckDB
 * throws.
 */
export async function rebuildRollups(conn: DuckDBConnection): Promise<void> {
  for (const r of ROLLUPS) {
    await conn.run(`DELETE FROM ${r.table}`);
    await conn.run(`INSERT INTO ${r.table} ${rollupSelect(r, "spans")} ORDER BY minute`);
  }
}
